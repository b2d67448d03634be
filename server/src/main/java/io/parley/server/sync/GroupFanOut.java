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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a group's events go. A small group's event gets an entry in each member's timeline (fan-out on write); once a
 * group has more members than the write limit its events stay in the group's own timeline, online members are told
 * "group G has seq S" and everyone pulls (fan-out on read, for good: the switch is remembered by the store). A room
 * without history (AVChatRoom) reaches its online members only. Members who chose not to receive a group's messages
 * get no entries; the sender always does (its other devices). Member lists are cached briefly and dropped at every
 * membership change (each one comes with a tip, which asks for a plan first).
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

  private final Store store;
  private final Members members;
  private final SessionRegistry sessions;
  private final int writeLimit;
  private final Cache<Key, List<MemberRecord>> memberCache = Caffeine.newBuilder()
      .maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(2)).build();
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
  }

  /**
   * The plan for one event of the group. {@code sender} (may be empty: the app server) always gets an entry in
   * write mode; {@code alsoTell} are users outside the group who must see it (a removed member) and get an entry in
   * every mode that stores. Blocks on the store when the member list is not cached.
   */
  public Plan plan(String appId, String groupId, History history, String sender, Collection<String> alsoTell) {
    List<MemberRecord> all = membersOf(appId, groupId);
    if (history == History.NONE) {
      return new Plan(Mode.ONLINE_ONLY, List.of(), ids(all));
    }
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

  /** Drops the cached member list of a group (its membership or a member's receive option changed). */
  public void invalidate(String appId, String groupId) {
    memberCache.invalidate(new Key(appId, groupId));
  }

  private List<MemberRecord> membersOf(String appId, String groupId) {
    return memberCache.get(new Key(appId, groupId), k -> List.copyOf(members.of(appId, groupId)));
  }

  private static List<String> ids(List<MemberRecord> all) {
    List<String> out = new ArrayList<>(all.size());
    for (MemberRecord m : all) {
      out.add(m.userId());
    }
    return out;
  }
}
