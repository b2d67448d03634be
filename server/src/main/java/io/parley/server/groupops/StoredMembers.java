package io.parley.server.groupops;

import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.util.Optional;

/** Members kept in the store. */
final class StoredMembers implements MemberBook {
  private final GroupStore store;

  StoredMembers(GroupStore store) {
    this.store = store;
  }

  @Override
  public Optional<MemberRecord> member(String appId, String groupId, String userId) {
    return store.member(appId, groupId, userId);
  }

  @Override
  public boolean put(String appId, String groupId, MemberRecord member) {
    return store.putMember(appId, groupId, member);
  }

  @Override
  public boolean remove(String appId, String groupId, String userId) {
    return store.removeMember(appId, groupId, userId);
  }

  @Override
  public long count(String appId, String groupId) {
    return store.memberCount(appId, groupId);
  }

  @Override
  public MemberPage page(String appId, String groupId, String cursor, int limit) {
    return store.members(appId, groupId, cursor, limit);
  }
}
