package io.parley.server.groupops;

import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.util.Optional;

/** Where a group's members are: the store, or memory for kinds that do not store membership ({@link RoomMembers}). */
interface MemberBook {
  Optional<MemberRecord> member(String appId, String groupId, String userId);

  /** Adds or replaces; true when the user was not a member. The mute rule is the store's (kept over leave/rejoin). */
  boolean put(String appId, String groupId, MemberRecord member);

  boolean remove(String appId, String groupId, String userId);

  long count(String appId, String groupId);

  MemberPage page(String appId, String groupId, String cursor, int limit);
}
