package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.server.group.GroupRules;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.PendingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group's changes that touch several records, written at once: one store batch where members are stored. For a
 * room (members in memory, gone on restart anyway) the room changes first, then the stored record or request.
 * Callers hold the group's lock.
 */
final class GroupWrites {
  private final GroupStore store;
  private final RoomMembers rooms;

  GroupWrites(GroupStore store, RoomMembers rooms) {
    this.store = Objects.requireNonNull(store, "store");
    this.rooms = Objects.requireNonNull(rooms, "rooms");
  }

  /** Adds a member; the limit was checked by the rule that let it in (rooms hold it again under their lock). */
  void join(LoadedGroup g, MemberRecord m) {
    if (inRoom(g)) {
      joinRoom(g, m);
    } else {
      store.putMember(g.app(), g.id(), m);
    }
  }

  /** Adds members who are not in yet, at once; the ids of those who joined. */
  List<String> joinAll(LoadedGroup g, List<MemberRecord> members) {
    if (members.isEmpty()) {
      return List.of();
    }
    if (!inRoom(g)) {
      return store.putMembers(g.app(), g.id(), members);
    }
    List<String> joined = new ArrayList<>();
    for (MemberRecord m : members) {
      joinRoom(g, m);
      joined.add(m.userId());
    }
    return joined;
  }

  /** Replaces members' records (roles, mutes) at once. */
  void replaceAll(LoadedGroup g, List<MemberRecord> members) {
    if (members.isEmpty()) {
      return;
    }
    if (inRoom(g)) {
      members.forEach(m -> rooms.put(g.app(), g.id(), m));
    } else {
      store.putMembers(g.app(), g.id(), members);
    }
  }

  /** Lets the user of an answered request in and removes the request. */
  void admit(LoadedGroup g, MemberRecord m, PendingRequest answered) {
    if (inRoom(g)) {
      joinRoom(g, m);
      store.removeRequest(g.app(), g.id(), answered.userId(), answered.kind());
    } else {
      store.admit(m, answered);
    }
  }

  /** Removes members at once; the ids of those who were members. */
  List<String> removeAll(LoadedGroup g, List<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    if (!inRoom(g)) {
      return store.removeMembers(g.app(), g.id(), userIds);
    }
    List<String> removed = new ArrayList<>();
    for (String u : userIds) {
      if (rooms.remove(g.app(), g.id(), u)) {
        removed.add(u);
      }
    }
    return removed;
  }

  /** Removes a member and stores the group's new record (an owner who quits). */
  void removeAndUpdate(LoadedGroup g, GroupRecord after, String userId) {
    if (inRoom(g)) {
      rooms.remove(g.app(), g.id(), userId);
      store.update(after);
    } else {
      store.removeMemberAndUpdate(after, userId);
    }
  }

  /** Demotes the old owner (when a member), promotes the new one and stores the record naming the new owner. */
  void transferOwner(LoadedGroup g, GroupRecord after, Optional<MemberRecord> oldOwnerDemoted,
      MemberRecord newOwner) {
    if (inRoom(g)) {
      oldOwnerDemoted.ifPresent(m -> rooms.put(g.app(), g.id(), m));
      rooms.put(g.app(), g.id(), newOwner);
      store.update(after);
    } else {
      store.transferOwner(after, oldOwnerDemoted.orElse(null), newOwner);
    }
  }

  private boolean inRoom(LoadedGroup g) {
    return g.book() == rooms;
  }

  private void joinRoom(LoadedGroup g, MemberRecord m) {
    try {
      rooms.put(g.app(), g.id(), m, GroupRules.memberLimit(g.kind(), g.options()));
    } catch (IllegalStateException full) {
      check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt()));
      throw full;
    }
  }
}
