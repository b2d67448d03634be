package io.parley.server.sync;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.group.History;
import io.parley.server.group.ReceiveOption;
import io.parley.server.session.Session;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import io.parley.server.store.AppendResult;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where a group's events go. A small group's event gets an entry in each member's timeline (fan-out on write); once a
 * group has more members than the write limit its events stay in the group's own timeline, online members are told
 * "group G has seq S" and everyone pulls (fan-out on read, for good: the switch is remembered by the store). A room
 * without history (AVChatRoom) reaches its online members only. Members who chose not to receive a group's messages
 * get no entries; the sender always does (its other devices). A group's member list is cached until the store says
 * its members changed (every member write tells it, once durable), weighed by its size so that a few huge groups and
 * many small ones fit the same bound; a room's members live in memory and change at every join, so they are read
 * afresh each time.
 */
public final class GroupFanOut {

  /** The three ways an event reaches members. */
  public enum Mode { WRITE, READ, ONLINE_ONLY }

  /**
   * How one event goes out: the timelines to append it to, whether members read it on pull, and the members to tell
   * (read mode: hints; online-only: the event itself).
   */
  public record Plan(Mode mode, List<String> timelines, List<String> members) {
    public Plan {
      timelines = List.copyOf(timelines);
      members = List.copyOf(members);
    }

    /** True when members read the event from the group's own timeline. */
    public boolean readOnPull() {
      return mode == Mode.READ;
    }
  }

  /** A group's members as the fan-out needs them: all of them, with their receive options. */
  public interface Members {
    List<MemberRecord> of(String appId, String groupId);
  }

  /** A group within an app. */
  private record Key(String appId, String groupId) {
  }

  /** The most members the cached lists hold together (about 100 B each). */
  private static final long CACHED_MEMBERS = 2_000_000;
  private static final int CHANGE_STRIPES = 1024;

  private final Store store;
  private final Members members;
  private final SessionRegistry sessions;
  private final int writeLimit;
  /**
   * Member changes counted per stripe of groups: a list read while its group changed is not kept (an invalidation
   * that lands while a list is being read would otherwise leave the old list cached for good).
   */
  private final AtomicLongArray changes = new AtomicLongArray(CHANGE_STRIPES);
  private final Cache<Key, List<MemberRecord>> memberCache = Caffeine.newBuilder()
      .maximumWeight(CACHED_MEMBERS).weigher((Key k, List<MemberRecord> v) -> v.size() + 1).build();
  /** Groups known to be read on pull (never goes back). */
  private final Set<Key> readOnPull = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** {@code writeLimit}: the most members a group may have and still be fanned out on write. */
  public GroupFanOut(Store store, Members members, SessionRegistry sessions, int writeLimit) {
    if (writeLimit < 0) {
      throw new IllegalArgumentException("writeLimit must not be negative: " + writeLimit);
    }
    this.store = store;
    this.members = members;
    this.sessions = sessions;
    this.writeLimit = writeLimit;
    store.groups().watchMembers(this::invalidate);
  }

  /**
   * The plan for one event of the group. {@code sender} (may be empty: the app server) always gets an entry in
   * write mode; {@code alsoTell} are users outside the group who must see it (a removed member) and get an entry in
   * every mode that stores. Blocks on the store when the member list is not cached.
   */
  public Plan plan(String appId, String groupId, History history, String sender, Collection<String> alsoTell) {
    if (history == History.NONE) {
      return new Plan(Mode.ONLINE_ONLY, List.of(), ids(members.of(appId, groupId)));
    }
    List<MemberRecord> all = membersOf(appId, groupId);
    if (readsOnPull(appId, groupId) || all.size() > writeLimit) {
      readOnPull.add(new Key(appId, groupId));
      Set<String> outside = new LinkedHashSet<>(alsoTell);
      for (MemberRecord m : all) {
        outside.remove(m.userId());
      }
      return new Plan(Mode.READ, List.copyOf(outside), ids(all));
    }
    Set<String> timelines = new LinkedHashSet<>(all.size() + 1 + alsoTell.size());
    if (!sender.isEmpty()) {
      timelines.add(sender);
    }
    for (MemberRecord m : all) {
      if (m.receive() != ReceiveOption.DISCARD) {
        timelines.add(m.userId());
      }
    }
    timelines.addAll(alsoTell);
    return new Plan(Mode.WRITE, List.copyOf(timelines), List.of());
  }

  /** True when the group's members read its events on pull (it has been large at some point). */
  public boolean readsOnPull(String appId, String groupId) {
    Key key = new Key(appId, groupId);
    if (readOnPull.contains(key)) {
      return true;
    }
    if (store.firstReadSeq(appId, groupId) != 0) {
      readOnPull.add(key);
      return true;
    }
    return false;
  }

  /** After a durable append in read mode: tells the group's online members where the group now stands. */
  public void delivered(String appId, String groupId, Plan plan, AppendResult result) {
    if (plan.mode() != Mode.READ || result.duplicate()) {
      return;
    }
    for (String member : plan.members()) {
      for (Session s : sessions.sessionsOf(new UserKey(appId, member))) {
        s.delivery().hintGroup(groupId, result.groupSeq());
      }
    }
  }

  /** An online-only event: written to every online device of the plan's members, now. */
  public void broadcast(String appId, Plan plan, TimelineEntry entry) {
    for (String member : plan.members()) {
      for (Session s : sessions.sessionsOf(new UserKey(appId, member))) {
        s.delivery().offerTransient(entry);
      }
    }
  }

  /** Drops the cached member list of a group (the store calls it after every write to the group's members). */
  public void invalidate(String appId, String groupId) {
    Key key = new Key(appId, groupId);
    changes.incrementAndGet(stripe(key));
    memberCache.invalidate(key);
  }

  /**
   * The cached list, or one read now and kept unless the group changed meanwhile: the count is read before the list
   * and checked after it is kept, and {@link #invalidate} counts before it drops, so one of the two drops a stale list.
   */
  private List<MemberRecord> membersOf(String appId, String groupId) {
    Key key = new Key(appId, groupId);
    List<MemberRecord> cached = memberCache.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    int stripe = stripe(key);
    long before = changes.get(stripe);
    List<MemberRecord> read = List.copyOf(members.of(appId, groupId));
    memberCache.put(key, read);
    if (changes.get(stripe) != before) {
      memberCache.invalidate(key);
    }
    return read;
  }

  private static int stripe(Key key) {
    return Math.floorMod(key.hashCode(), CHANGE_STRIPES);
  }

  private static List<String> ids(List<MemberRecord> all) {
    List<String> out = new ArrayList<>(all.size());
    for (MemberRecord m : all) {
      out.add(m.userId());
    }
    return out;
  }
}
