package io.parley.server.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Groups and their members in the {@code groups} column family (keys in {@link GroupKeys}, values in
 * {@link GroupCodec}). Every write is one atomic batch fsynced before it returns, whatever the store's
 * {@link SyncPolicy}; writes are serialized so member counts stay exact. Thread-safe; every method blocks on disk.
 *
 * <p>A change that touches several records (an owner transfer, an owner quitting, an answered request letting its
 * user in, several members kicked or muted at once) has its own method that writes them in that one batch, so a
 * crash leaves all of it or none of it.
 *
 * <p>A member's mute deadline is kept in its own record that removing the member leaves in place, so leaving and
 * rejoining does not lift a mute; only deleting the group removes it.
 *
 * <p>Pending requests ({@link PendingRequest}: applications and invitations waiting for an answer) are kept per group,
 * user and kind; deleting the group removes them. The store does not judge expiry; the caller reads the deadline.
 *
 * <p>Every write that touches members tells the {@link MembersChanged} watchers once it is durable, still under the
 * write lock, so a cache of members dropped there cannot miss a change.
 */
public final class GroupStore {

  private final Database db;
  private final OpenGuard guard;
  /** Serializes writes: each reads what it changes (existence, counts) before writing its batch. */
  private final Object writeMutex = new Object();
  private final List<MembersChanged> watchers = new CopyOnWriteArrayList<>();

  GroupStore(Database db, OpenGuard guard) {
    this.db = db;
    this.guard = guard;
  }

  /** From now on, {@code watcher} hears of every durable change to any group's members. */
  public void watchMembers(MembersChanged watcher) {
    watchers.add(Objects.requireNonNull(watcher, "watcher"));
  }

  private void membersChanged(String appId, String groupId) {
    for (MembersChanged w : watchers) {
      w.changed(appId, groupId);
    }
  }

  /**
   * Stores a new group with its initial members, all at once. False (and nothing written) when the app already has
   * a group with this id.
   *
   * @throws IllegalArgumentException when a user is listed twice
   */
  public boolean create(GroupRecord group, List<MemberRecord> members) {
    Objects.requireNonNull(group, "group");
    Set<String> seen = new HashSet<>();
    for (MemberRecord m : members) {
      if (!seen.add(m.userId())) {
        throw new IllegalArgumentException("member " + m.userId() + " listed twice");
      }
    }
    String app = group.appId();
    String id = group.groupId();
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        if (db.get(db.groups(), GroupKeys.group(app, id)) != null) {
          return false;
        }
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(db.groups(), GroupKeys.group(app, id), GroupCodec.group(group));
          batch.put(db.groups(), GroupKeys.count(app, id), Keys.longBytes(members.size()));
          for (MemberRecord m : members) {
            putMember(batch, app, id, m, m.muteUntilMillis());
          }
          db.writeSynced(batch);
          membersChanged(app, id);
        }
        return true;
      });
    }
  }

  /** The group, or empty when the app has none with this id. */
  public Optional<GroupRecord> group(String appId, String groupId) {
    byte[] key = GroupKeys.group(appId, groupId);
    return guard.run("groups", () -> {
      byte[] value = db.get(db.groups(), key);
      return value == null ? Optional.empty() : Optional.of(GroupCodec.group(appId, groupId, value));
    });
  }

  /** Replaces a group's own record (not its members). False when there is no such group. */
  public boolean update(GroupRecord group) {
    Objects.requireNonNull(group, "group");
    byte[] key = GroupKeys.group(group.appId(), group.groupId());
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        if (db.get(db.groups(), key) == null) {
          return false;
        }
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(db.groups(), key, GroupCodec.group(group));
          db.writeSynced(batch);
        }
        return true;
      });
    }
  }

  /** Deletes the group, its members, their index entries, mute records and pending requests at once. False when there was none. */
  public boolean delete(String appId, String groupId) {
    byte[] key = GroupKeys.group(appId, groupId);
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        if (db.get(db.groups(), key) == null) {
          return false;
        }
        try (WriteBatch batch = new WriteBatch()) {
          batch.delete(db.groups(), key);
          batch.delete(db.groups(), GroupKeys.count(appId, groupId));
          byte[] members = GroupKeys.memberPrefix(appId, groupId);
          for (byte[] memberKey : keysUnder(members)) {
            batch.delete(db.groups(), memberKey);
            batch.delete(db.groups(), GroupKeys.userGroup(appId, GroupKeys.lastSegment(memberKey, members), groupId));
          }
          for (byte[] muteKey : keysUnder(GroupKeys.mutePrefix(appId, groupId))) {
            batch.delete(db.groups(), muteKey);
          }
          for (byte[] requestKey : keysUnder(GroupKeys.requestPrefix(appId, groupId))) {
            batch.delete(db.groups(), requestKey);
          }
          db.writeSynced(batch);
          membersChanged(appId, groupId);
        }
        return true;
      });
    }
  }

  /**
   * Adds the member, or replaces it when already there, with the group's count and the user's index in the same
   * batch. An existing member's mute deadline becomes the given one; a joining member with none (0) keeps the one
   * stored from an earlier membership. True when the user was not a member before.
   *
   * @throws NoSuchElementException when there is no such group
   */
  public boolean putMember(String appId, String groupId, MemberRecord member) {
    Objects.requireNonNull(member, "member");
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        requireGroup(appId, groupId);
        try (WriteBatch batch = new WriteBatch()) {
          boolean joining = stagePut(batch, appId, groupId, member);
          if (joining) {
            addToCount(batch, appId, groupId, 1);
          }
          db.writeSynced(batch);
          membersChanged(appId, groupId);
          return joining;
        }
      });
    }
  }

  /**
   * Adds or replaces several members in one batch, as {@link #putMember} does each; the count moves once by the
   * number who joined. The ids of the users who were not members before, in the given order.
   *
   * @throws NoSuchElementException when there is no such group
   * @throws IllegalArgumentException when a user is listed twice
   */
  public List<String> putMembers(String appId, String groupId, List<MemberRecord> members) {
    requireDistinct(members.stream().map(MemberRecord::userId).toList());
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        requireGroup(appId, groupId);
        List<String> joined = new ArrayList<>();
        try (WriteBatch batch = new WriteBatch()) {
          for (MemberRecord m : members) {
            if (stagePut(batch, appId, groupId, m)) {
              joined.add(m.userId());
            }
          }
          if (!joined.isEmpty()) {
            addToCount(batch, appId, groupId, joined.size());
          }
          db.writeSynced(batch);
          membersChanged(appId, groupId);
        }
        return joined;
      });
    }
  }

  /** Removes the member and its index entry and lowers the count; the mute record stays. False when not a member. */
  public boolean removeMember(String appId, String groupId, String userId) {
    return !removeMembers(appId, groupId, List.of(userId)).isEmpty();
  }

  /**
   * Removes several members, their index entries and the count's share of them in one batch; mute records stay.
   * Users who are not members are passed over. The ids of those removed, in the given order.
   *
   * @throws IllegalArgumentException when a user is listed twice
   */
  public List<String> removeMembers(String appId, String groupId, List<String> userIds) {
    requireDistinct(userIds);
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        List<String> removed = new ArrayList<>();
        try (WriteBatch batch = new WriteBatch()) {
          for (String userId : userIds) {
            if (stageRemove(batch, appId, groupId, userId)) {
              removed.add(userId);
            }
          }
          if (removed.isEmpty()) {
            return removed;
          }
          addToCount(batch, appId, groupId, -removed.size());
          db.writeSynced(batch);
          membersChanged(appId, groupId);
        }
        return removed;
      });
    }
  }

  /**
   * Hands the owner role over in one batch: the group's new record (whose owner is {@code newOwner}), the new
   * owner's member record and, unless null, the old owner's (demoted) one. A user not yet a member joins, with the
   * count and index as in {@link #putMember}.
   *
   * @throws NoSuchElementException when there is no such group
   * @throws IllegalArgumentException when the record's owner is not {@code newOwner}, or both members are one user
   */
  public void transferOwner(GroupRecord after, MemberRecord oldOwner, MemberRecord newOwner) {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(newOwner, "newOwner");
    if (!after.owner().equals(newOwner.userId())) {
      throw new IllegalArgumentException("the record's owner " + after.owner() + " is not " + newOwner.userId());
    }
    if (oldOwner != null && oldOwner.userId().equals(newOwner.userId())) {
      throw new IllegalArgumentException("the old and the new owner are both " + newOwner.userId());
    }
    String app = after.appId();
    String id = after.groupId();
    synchronized (writeMutex) {
      guard.run("groups", () -> {
        requireGroup(app, id);
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(db.groups(), GroupKeys.group(app, id), GroupCodec.group(after));
          int joined = 0;
          if (oldOwner != null && stagePut(batch, app, id, oldOwner)) {
            joined++;
          }
          if (stagePut(batch, app, id, newOwner)) {
            joined++;
          }
          if (joined > 0) {
            addToCount(batch, app, id, joined);
          }
          db.writeSynced(batch);
          membersChanged(app, id);
        }
        return null;
      });
    }
  }

  /**
   * Removes the member (index entry and count with it; the mute record stays) and replaces the group's record, in
   * one batch: an owner who quits leaves a record without that owner. False, and nothing written, when the user is
   * not a member.
   *
   * @throws NoSuchElementException when there is no such group
   */
  public boolean removeMemberAndUpdate(GroupRecord after, String userId) {
    Objects.requireNonNull(after, "after");
    String app = after.appId();
    String id = after.groupId();
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        requireGroup(app, id);
        try (WriteBatch batch = new WriteBatch()) {
          if (!stageRemove(batch, app, id, userId)) {
            return false;
          }
          addToCount(batch, app, id, -1);
          batch.put(db.groups(), GroupKeys.group(app, id), GroupCodec.group(after));
          db.writeSynced(batch);
          membersChanged(app, id);
        }
        return true;
      });
    }
  }

  /**
   * Lets the user of an answered request in, in one batch: the member (as {@link #putMember}, with count and index)
   * and the request's removal. True when the user was not a member before.
   *
   * @throws NoSuchElementException when there is no such group
   * @throws IllegalArgumentException when the request is another user's
   */
  public boolean admit(MemberRecord member, PendingRequest answered) {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(answered, "answered");
    if (!answered.userId().equals(member.userId())) {
      throw new IllegalArgumentException("the request of " + answered.userId() + " does not admit "
          + member.userId());
    }
    String app = answered.appId();
    String id = answered.groupId();
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        requireGroup(app, id);
        try (WriteBatch batch = new WriteBatch()) {
          boolean joining = stagePut(batch, app, id, member);
          if (joining) {
            addToCount(batch, app, id, 1);
          }
          batch.delete(db.groups(), GroupKeys.request(app, id, answered.userId(), answered.kind().name()));
          db.writeSynced(batch);
          membersChanged(app, id);
          return joining;
        }
      });
    }
  }

  /**
   * Replaces an answered request by the next one for the same user in one batch (an approved invitation that now
   * waits for the invitee): the request of kind {@code answered} goes, {@code next} is stored.
   *
   * @throws NoSuchElementException when there is no such group
   */
  public void replaceRequest(PendingRequest.Kind answered, PendingRequest next) {
    Objects.requireNonNull(answered, "answered");
    Objects.requireNonNull(next, "next");
    String app = next.appId();
    String id = next.groupId();
    synchronized (writeMutex) {
      guard.run("groups", () -> {
        requireGroup(app, id);
        try (WriteBatch batch = new WriteBatch()) {
          batch.delete(db.groups(), GroupKeys.request(app, id, next.userId(), answered.name()));
          batch.put(db.groups(), GroupKeys.request(app, id, next.userId(), next.kind().name()),
              GroupCodec.request(next));
          db.writeSynced(batch);
        }
        return null;
      });
    }
  }

  /** The member, or empty when the user is not a member of the group. */
  public Optional<MemberRecord> member(String appId, String groupId, String userId) {
    byte[] key = GroupKeys.member(appId, groupId, userId);
    byte[] muteKey = GroupKeys.mute(appId, groupId, userId);
    return guard.run("groups", () -> {
      byte[] value = db.get(db.groups(), key);
      return value == null ? Optional.empty()
          : Optional.of(GroupCodec.member(userId, db.getLong(db.groups(), muteKey), value));
    });
  }

  /**
   * Members in user id order (UTF-8 byte order) after {@code cursor} (null or empty: from the first), at most
   * {@code limit}.
   */
  public MemberPage members(String appId, String groupId, String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    byte[] prefix = GroupKeys.memberPrefix(appId, groupId);
    boolean fromStart = cursor == null || cursor.isEmpty();
    byte[] start = fromStart ? prefix : GroupKeys.member(appId, groupId, cursor);
    return guard.run("groups", () -> {
      List<MemberRecord> out = new ArrayList<>(Math.min(limit, 256));
      boolean more = false;
      try (RocksIterator it = db.newIterator(db.groups())) {
        for (it.seek(start); it.isValid(); it.next()) {
          byte[] key = it.key();
          if (!Keys.startsWith(key, prefix)) {
            break;
          }
          String userId = GroupKeys.lastSegment(key, prefix);
          if (!fromStart && userId.equals(cursor)) {
            continue;
          }
          if (out.size() == limit) {
            more = true;
            break;
          }
          long mute = db.getLong(db.groups(), GroupKeys.mute(appId, groupId, userId));
          out.add(GroupCodec.member(userId, mute, it.value()));
        }
        it.status();
      }
      return new MemberPage(out, more ? out.get(out.size() - 1).userId() : null);
    });
  }

  /** How many members the group has; 0 when there is no such group. */
  public long memberCount(String appId, String groupId) {
    byte[] key = GroupKeys.count(appId, groupId);
    return guard.run("groups", () -> db.getLong(db.groups(), key));
  }

  /** Ids of the groups the user is a member of, in id order. */
  public List<String> groupsOf(String appId, String userId) {
    byte[] prefix = GroupKeys.userPrefix(appId, userId);
    return guard.run("groups", () -> {
      List<String> out = new ArrayList<>();
      for (byte[] key : keysUnder(prefix)) {
        out.add(GroupKeys.lastSegment(key, prefix));
      }
      return out;
    });
  }

  /**
   * Stores the request, replacing one of the same group, user and kind.
   *
   * @throws NoSuchElementException when there is no such group
   */
  public void putRequest(PendingRequest request) {
    Objects.requireNonNull(request, "request");
    byte[] key = GroupKeys.request(request.appId(), request.groupId(), request.userId(), request.kind().name());
    synchronized (writeMutex) {
      guard.run("groups", () -> {
        requireGroup(request.appId(), request.groupId());
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(db.groups(), key, GroupCodec.request(request));
          db.writeSynced(batch);
        }
        return null;
      });
    }
  }

  /** The request of this kind for the user in the group, expired or not; empty when there is none. */
  public Optional<PendingRequest> request(String appId, String groupId, String userId, PendingRequest.Kind kind) {
    byte[] key = GroupKeys.request(appId, groupId, userId, kind.name());
    return guard.run("groups", () -> {
      byte[] value = db.get(db.groups(), key);
      return value == null ? Optional.empty() : Optional.of(GroupCodec.request(appId, groupId, value));
    });
  }

  /** Removes the request. False when there was none. */
  public boolean removeRequest(String appId, String groupId, String userId, PendingRequest.Kind kind) {
    byte[] key = GroupKeys.request(appId, groupId, userId, kind.name());
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        if (db.get(db.groups(), key) == null) {
          return false;
        }
        try (WriteBatch batch = new WriteBatch()) {
          batch.delete(db.groups(), key);
          db.writeSynced(batch);
        }
        return true;
      });
    }
  }

  /** Every request of the group, expired ones included, in user id order. */
  public List<PendingRequest> requests(String appId, String groupId) {
    byte[] prefix = GroupKeys.requestPrefix(appId, groupId);
    return guard.run("groups", () -> {
      List<PendingRequest> out = new ArrayList<>();
      try (RocksIterator it = db.newIterator(db.groups())) {
        for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
          out.add(GroupCodec.request(appId, groupId, it.value()));
        }
        it.status();
      }
      return out;
    });
  }

  /**
   * A group id suffix never handed out before in this app (a per-app counter, synced). The vendor prefix, such as
   * Tencent's {@code @TGS#}, is the caller's; a caller-chosen id may still collide, which {@link #create} refuses.
   */
  public String nextGroupId(String appId) {
    byte[] key = GroupKeys.counter(appId);
    synchronized (writeMutex) {
      return guard.run("groups", () -> {
        long next = db.getLong(db.groups(), key) + 1;
        try (WriteBatch batch = new WriteBatch()) {
          batch.put(db.groups(), key, Keys.longBytes(next));
          db.writeSynced(batch);
        }
        return Long.toString(next, 36).toUpperCase(java.util.Locale.ROOT);
      });
    }
  }

  private void putMember(WriteBatch batch, String app, String group, MemberRecord m, long mute)
      throws RocksDBException {
    batch.put(db.groups(), GroupKeys.member(app, group, m.userId()), GroupCodec.member(m));
    batch.put(db.groups(), GroupKeys.userGroup(app, m.userId(), group), new byte[0]);
    byte[] muteKey = GroupKeys.mute(app, group, m.userId());
    if (mute == 0) {
      batch.delete(db.groups(), muteKey);
    } else {
      batch.put(db.groups(), muteKey, Keys.longBytes(mute));
    }
  }

  /**
   * Stages adding or replacing the member (with its index entry and mute record, not the count): a joining member
   * with no mute keeps the one stored from an earlier membership. True when the user is joining.
   */
  private boolean stagePut(WriteBatch batch, String app, String group, MemberRecord m) throws RocksDBException {
    boolean joining = db.get(db.groups(), GroupKeys.member(app, group, m.userId())) == null;
    long mute = m.muteUntilMillis();
    if (joining && mute == 0) {
      mute = db.getLong(db.groups(), GroupKeys.mute(app, group, m.userId()));
    }
    putMember(batch, app, group, m, mute);
    return joining;
  }

  /** Stages removing the member and its index entry (not the count); false, nothing staged, when not a member. */
  private boolean stageRemove(WriteBatch batch, String app, String group, String userId) throws RocksDBException {
    byte[] key = GroupKeys.member(app, group, userId);
    if (db.get(db.groups(), key) == null) {
      return false;
    }
    batch.delete(db.groups(), key);
    batch.delete(db.groups(), GroupKeys.userGroup(app, userId, group));
    return true;
  }

  private static void requireDistinct(List<String> userIds) {
    Set<String> seen = new HashSet<>();
    for (String u : userIds) {
      if (!seen.add(u)) {
        throw new IllegalArgumentException("user " + u + " listed twice");
      }
    }
  }

  private void addToCount(WriteBatch batch, String app, String group, long delta) throws RocksDBException {
    byte[] key = GroupKeys.count(app, group);
    batch.put(db.groups(), key, Keys.longBytes(db.getLong(db.groups(), key) + delta));
  }

  private void requireGroup(String app, String group) throws RocksDBException {
    if (db.get(db.groups(), GroupKeys.group(app, group)) == null) {
      throw new NoSuchElementException("no group " + group + " in app " + app);
    }
  }

  private List<byte[]> keysUnder(byte[] prefix) throws RocksDBException {
    List<byte[]> out = new ArrayList<>();
    try (RocksIterator it = db.newIterator(db.groups())) {
      for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
        out.add(it.key());
      }
      it.status();
    }
    return out;
  }

}
