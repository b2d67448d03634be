package io.parley.server.groupops;

import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Members of groups whose kind does not store membership (Tencent AVChatRoom): in memory only, gone on restart, as
 * the vendor keeps only who is in the room. Thread-safe. A mute outlives leaving and rejoining, as in the store. Each
 * room is bounded by the limit the service checks before it adds (the kind's, via GroupRules); {@link #put} holds
 * that bound again under the room's lock so racing joins cannot pass it.
 */
final class RoomMembers implements MemberBook {
  private record Room(NavigableMap<String, MemberRecord> members, Map<String, Long> mutes) {}

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  private static String key(String appId, String groupId) {
    return appId + '\0' + groupId;
  }

  private Room room(String appId, String groupId) {
    return rooms.computeIfAbsent(key(appId, groupId),
        k -> new Room(new ConcurrentSkipListMap<>(), new ConcurrentHashMap<>()));
  }

  @Override
  public Optional<MemberRecord> member(String appId, String groupId, String userId) {
    Room room = rooms.get(key(appId, groupId));
    return room == null ? Optional.empty() : Optional.ofNullable(room.members().get(userId));
  }

  @Override
  public boolean put(String appId, String groupId, MemberRecord member) {
    return put(appId, groupId, member, Integer.MAX_VALUE);
  }

  /** Adds or replaces; a new member only while the room has fewer than {@code limit}. */
  boolean put(String appId, String groupId, MemberRecord member, int limit) {
    Room room = room(appId, groupId);
    synchronized (room) {
      boolean joining = !room.members().containsKey(member.userId());
      if (joining && room.members().size() >= limit) {
        throw new IllegalStateException("room " + groupId + " is full");
      }
      long mute = member.muteUntilMillis();
      if (joining && mute == 0) {
        mute = room.mutes().getOrDefault(member.userId(), 0L);
      }
      if (mute == 0) {
        room.mutes().remove(member.userId());
      } else {
        room.mutes().put(member.userId(), mute);
      }
      room.members().put(member.userId(), member.withMuteUntil(mute));
      return joining;
    }
  }

  @Override
  public boolean remove(String appId, String groupId, String userId) {
    Room room = rooms.get(key(appId, groupId));
    if (room == null) {
      return false;
    }
    synchronized (room) {
      return room.members().remove(userId) != null;
    }
  }

  @Override
  public long count(String appId, String groupId) {
    Room room = rooms.get(key(appId, groupId));
    return room == null ? 0 : room.members().size();
  }

  @Override
  public MemberPage page(String appId, String groupId, String cursor, int limit) {
    Room room = rooms.get(key(appId, groupId));
    if (room == null) {
      return new MemberPage(List.of(), null);
    }
    NavigableMap<String, MemberRecord> from = cursor == null || cursor.isEmpty()
        ? room.members() : room.members().tailMap(cursor, false);
    List<MemberRecord> out = new ArrayList<>();
    for (MemberRecord m : from.values()) {
      if (out.size() == limit) {
        return new MemberPage(out, out.get(out.size() - 1).userId());
      }
      out.add(m);
    }
    return new MemberPage(out, null);
  }

  /** Forgets the room (the group was dismissed). */
  void drop(String appId, String groupId) {
    rooms.remove(key(appId, groupId));
  }
}
