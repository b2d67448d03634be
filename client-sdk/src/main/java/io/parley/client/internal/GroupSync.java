package io.parley.client.internal;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupAck;
import io.parley.protocol.v1.GroupPull;
import io.parley.protocol.v1.GroupPullResult;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps this device up to date with the large groups the user reads from the group's own history (fan-out on read,
 * DESIGN §10), unseen by the app: told where a group stands by {@code LoginResult.read_groups} and
 * {@code Push.groups}, it pulls the group's entries after what it has processed, page by page, hands them to
 * {@link Delivery} in group seq order, each once, and acks the highest group seq the listener processed with a
 * GroupAck. At most one GroupPull is in flight per group; hints that arrive meanwhile make one more pull after it. A
 * pull the server was too busy to answer is asked again after a backoff delay, hint or not (the last message sent to
 * a group has no hint after it).
 * The per-group state lives in memory for the client's life: a login's {@code read_seq} behind what this client has
 * already processed does not deliver anything again.
 *
 * <p>A group read this way was, before it grew, fanned out to its members' timelines, and around the switch (and in a
 * narrow race at it) one group event can arrive both ways. The per-group processed seq counts both: as
 * {@link Delivery.GroupProgress} it is raised by a group message or tip the listener processed from the user's
 * timeline, and {@link Delivery} skips an event at or below it, whichever path it came by; a pull asks only after it.
 * It is kept for every group seen in the timeline, but only groups told by the server ({@code read_groups}, hints)
 * are pulled and acked. Confined to the event loop, except {@link #ackSoon}, {@link #unread} and the
 * {@link Delivery.GroupProgress} calls (callback thread).
 */
final class GroupSync {
  private static final System.Logger LOG = System.getLogger(GroupSync.class.getName());

  /** Page size of a GroupPull: 0, the server's. */
  static final int PULL_LIMIT = 0;

  /** Where one group stands for this client. */
  private static final class Group {
    final String groupId;
    /** The highest group seq handed to delivery. Event loop. */
    long accepted;
    /** The group's newest seq as far as the server told. Written on the event loop. */
    volatile long newest;
    /**
     * The highest group seq the listener has processed, from the group's own history or the user's timeline. Callback
     * thread (and the loop, at login).
     */
    final AtomicLong delivered = new AtomicLong();
    /** Whether the server named it as read from its own history (read_groups, a hint): only then pulled and acked. */
    volatile boolean readFromHistory;
    /** The highest seq acked on the current session (the server's read seq at login). Event loop. */
    long lastAckSent;
    /** The GroupPull in flight on the current connection (0: none), and whether another is wanted after it. */
    int pullRequestId;
    boolean pullAgain;
    /** The connection a retry of a refused (busy) pull waits to run on (null: none waits), and the refusals in a row. */
    Connection retryOn;
    int busyRefusals;
    final AtomicBoolean ackScheduled = new AtomicBoolean();

    Group(String groupId) {
      this.groupId = groupId;
    }
  }

  /** Runs a task on the event loop after a delay. */
  interface Later {
    void after(long delayMs, Runnable task);
  }

  private final Delivery delivery;
  private final Supplier<Connection> current;
  private final Executor loop;
  private final Backoff backoff;
  private final Later later;
  private final Map<String, Group> groups = new ConcurrentHashMap<>();
  /** GroupPulls in flight on the current connection, by request id. Event loop. */
  private final Map<Integer, Group> pulls = new HashMap<>();

  /**
   * {@code current} is the client's current connection (null between connections); {@code loop} runs tasks on it and
   * {@code later} after a delay, as {@code backoff} says after a busy refusal.
   */
  GroupSync(Delivery delivery, Supplier<Connection> current, Executor loop, Backoff backoff, Later later) {
    this.delivery = delivery;
    this.current = current;
    this.loop = loop;
    this.backoff = backoff;
    this.later = later;
    delivery.trackGroups(
        new Delivery.GroupProgress() {
          @Override
          public long processed(String groupId) {
            Group g = groups.get(groupId);
            return g == null ? 0 : g.delivered.get();
          }

          @Override
          public void processedFromTimeline(String groupId, long groupSeq) {
            group(groupId).delivered.accumulateAndGet(groupSeq, Math::max);
          }
        });
  }

  /**
   * A login on {@code c} succeeded and named the large groups with where each stands: each group resumes after the
   * higher of the server's read seq and what this client has processed, pulls when behind, and acks again what this
   * client processed past the server's read seq (an ack lost with the last connection).
   */
  void loggedIn(Connection c, List<GroupSeq> readGroups) {
    pulls.clear();
    for (Group g : groups.values()) {
      g.pullRequestId = 0;
      g.pullAgain = false;
      g.lastAckSent = 0;
      g.retryOn = null;
      g.busyRefusals = 0;
    }
    for (GroupSeq seq : readGroups) {
      Group g = readGroup(seq.getGroupId());
      long read = seq.getReadSeq();
      g.accepted = Math.max(g.accepted, read);
      g.delivered.accumulateAndGet(read, Math::max);
      g.lastAckSent = read;
      hint(c, g, seq.getNewestSeq());
      ackNow(g);
    }
  }

  /** A push said where groups stand now. */
  void onHints(Connection c, List<GroupSeq> hints) {
    for (GroupSeq seq : hints) {
      hint(c, readGroup(seq.getGroupId()), seq.getNewestSeq());
    }
  }

  /** A GroupPullResult arrived; one that does not answer a GroupPull in flight is ignored. */
  void onPullResult(Connection c, int requestId, GroupPullResult result) {
    Group g = requestId == 0 ? null : pulls.remove(requestId);
    if (g == null || g.pullRequestId != requestId) {
      return;
    }
    g.pullRequestId = 0;
    g.busyRefusals = 0;
    long before = g.accepted;
    List<TimelineEntry> fresh = new ArrayList<>(result.getEntriesCount());
    for (TimelineEntry entry : result.getEntriesList()) {
      if (entry.getSeq() > g.accepted) { // a member may not see every seq of the group: only order matters
        fresh.add(entry);
        g.accepted = entry.getSeq();
      }
    }
    g.newest = Math.max(g.newest, Math.max(result.getNewestSeq(), g.accepted));
    delivery.deliverGroup(g.groupId, fresh, seq -> g.delivered.accumulateAndGet(seq, Math::max), () -> ackSoon(g));
    boolean progressed = g.accepted > before;
    boolean again = g.pullAgain;
    g.pullAgain = false;
    // Without progress a further page would ask the same question again: wait for the next hint.
    if ((result.getHasMore() && progressed) || (again && g.newest > g.accepted)) {
      requestPull(c, g);
    }
  }

  /**
   * Handles an Error if it answers a GroupPull in flight (false otherwise). A busy server (UNAVAILABLE) is asked again
   * after a backoff delay, on this connection, hints meanwhile waiting for it; after any other refusal the group is
   * left as it is (this user may have left it) and the session goes on: the next hint tries again.
   */
  boolean onError(Connection c, int requestId, int code, String message) {
    Group g = requestId == 0 ? null : pulls.remove(requestId);
    if (g == null) {
      return false;
    }
    g.pullRequestId = 0;
    g.pullAgain = false;
    if (code == ErrorCodes.UNAVAILABLE) {
      g.retryOn = c;
      later.after(backoff.delayMillis(g.busyRefusals++), () -> retryPull(c, g));
      return true;
    }
    LOG.log(System.Logger.Level.DEBUG, "group pull of {0} refused: {1} {2}", g.groupId, code, message);
    return true;
  }

  /** The group's newest known seq minus what the listener has processed of it; 0 for a group not read this way. Any thread. */
  long unread(String groupId) {
    Group g = groups.get(groupId);
    return g == null ? 0 : Math.max(0, g.newest - g.delivered.get());
  }

  /** Acks every group's processed seq the current session has not acked yet (the client is closing). */
  void ackAllNow() {
    for (Group g : groups.values()) {
      ackNow(g);
    }
  }

  private Group group(String groupId) {
    return groups.computeIfAbsent(groupId, Group::new);
  }

  /** A group the server says this user reads from the group's own history. */
  private Group readGroup(String groupId) {
    Group g = group(groupId);
    g.readFromHistory = true;
    return g;
  }

  private void hint(Connection c, Group g, long newest) {
    if (newest > g.newest) {
      g.newest = newest;
    }
    // What the listener processed from the timeline need not be pulled (a pull in flight keeps its own after seq).
    if (g.pullRequestId == 0) {
      g.accepted = Math.max(g.accepted, g.delivered.get());
    }
    if (newest > g.accepted && g.retryOn != c) {
      requestPull(c, g);
    }
  }

  private void retryPull(Connection c, Group g) {
    if (g.retryOn != c) {
      return; // a new login has resumed the group since
    }
    g.retryOn = null;
    if (current.get() == c && c.loggedIn && g.pullRequestId == 0 && g.newest > g.accepted) {
      requestPull(c, g);
    }
  }

  private void requestPull(Connection c, Group g) {
    if (g.pullRequestId != 0) {
      g.pullAgain = true;
      return;
    }
    g.pullRequestId = c.nextRequestId();
    pulls.put(g.pullRequestId, g);
    c.channel.writeAndFlush(
        Frame.newBuilder()
            .setRequestId(g.pullRequestId)
            .setGroupPull(GroupPull.newBuilder().setGroupId(g.groupId).setAfterSeq(g.accepted).setLimit(PULL_LIMIT))
            .build());
  }

  /** Acks a group's processed seq soon, on the event loop; many calls before it runs make one GroupAck. Any thread. */
  private void ackSoon(Group g) {
    if (g.ackScheduled.compareAndSet(false, true)) {
      loop.execute(() -> ackNow(g));
    }
  }

  private void ackNow(Group g) {
    g.ackScheduled.set(false);
    Connection c = current.get();
    long seq = g.delivered.get();
    if (c != null && c.loggedIn && g.readFromHistory && seq > g.lastAckSent) {
      g.lastAckSent = seq;
      c.channel.writeAndFlush(
          Frame.newBuilder().setGroupAck(GroupAck.newBuilder().setGroupId(g.groupId).setSeq(seq)).build());
    }
  }
}
