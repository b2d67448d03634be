package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupPullResult;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.protocol.ErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GroupSync")
class GroupSyncTest {
  private final List<String> delivered = new ArrayList<>();
  private final List<Runnable> loopTasks = new ArrayList<>();
  private EmbeddedChannel channel = new EmbeddedChannel();
  private Connection connection = connection(channel);
  private final Delivery delivery =
      new Delivery(Runnable::run, new ParleyListener() {
        @Override
        public void onMessage(ReceivedMessage message) {
          delivered.add(message.groupId() + " " + message.groupSeq());
        }
      }, () -> false, () -> "alice", "laptop-1", 0);
  /** Tasks asked to run later, with their delay, until the test runs them. */
  private final List<Long> laterDelays = new ArrayList<>();
  private final List<Runnable> laterTasks = new ArrayList<>();
  /** Always the low end of the jitter: attempt n waits 50 ms * 2^n (capped at 400 ms). */
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(800), () -> 0.0);
  private final GroupSync sync = new GroupSync(delivery, () -> connection, loopTasks::add, backoff, this::later);

  private void later(long delayMs, Runnable task) {
    laterDelays.add(delayMs);
    laterTasks.add(task);
  }

  private void runLater() {
    List<Runnable> tasks = new ArrayList<>(laterTasks);
    laterTasks.clear();
    tasks.forEach(Runnable::run);
  }

  private static Connection connection(EmbeddedChannel channel) {
    Connection c = new Connection(null);
    c.channel = channel;
    c.loggedIn = true;
    return c;
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private static GroupSeq seq(String group, long newest, long read) {
    return GroupSeq.newBuilder().setGroupId(group).setNewestSeq(newest).setReadSeq(read).build();
  }

  private static GroupPullResult page(String group, boolean hasMore, long newest, long... seqs) {
    return GroupPullResult.newBuilder().setGroupId(group).setHasMore(hasMore).setNewestSeq(newest)
        .addAllEntries(LongStream.of(seqs).mapToObj(s -> TimelineEntry.newBuilder().setSeq(s)
            .setMessage(Message.newBuilder().setGroupId(group).setGroupSeq(s)).build()).toList())
        .build();
  }

  private Frame written() {
    return channel.readOutbound();
  }

  private void runLoop() {
    List<Runnable> tasks = new ArrayList<>(loopTasks);
    loopTasks.clear();
    tasks.forEach(Runnable::run);
  }

  @Test
  @DisplayName("login_pullsBehindGroups: a group behind its newest seq is pulled after its read seq, one at its newest is not")
  void login_pullsBehindGroups() {
    sync.loggedIn(connection, List.of(seq("a", 5, 2), seq("b", 3, 3)));
    Frame pull = written();
    assertEquals("a", pull.getGroupPull().getGroupId());
    assertEquals(2, pull.getGroupPull().getAfterSeq());
    assertEquals(GroupSync.PULL_LIMIT, pull.getGroupPull().getLimit());
    assertNull(written());
    assertEquals(3, sync.unread("a"));
    assertEquals(0, sync.unread("b"));
    assertEquals(0, sync.unread("unknown"));
  }

  @Test
  @DisplayName("pullResult_overlap: entries at or below what was processed are dropped, gaps in the group seq are fine")
  void pullResult_overlap() {
    sync.loggedIn(connection, List.of(seq("a", 9, 2)));
    Frame pull = written();
    sync.onPullResult(connection, pull.getRequestId(), page("a", false, 9, 1, 2, 4, 9));
    assertEquals(List.of("a 4", "a 9"), delivered);
    runLoop();
    assertEquals(9, written().getGroupAck().getSeq());
    assertEquals(0, sync.unread("a"));
  }

  @Test
  @DisplayName("pullResult_noProgress: has_more without new entries does not pull the same page again")
  void pullResult_noProgress() {
    sync.loggedIn(connection, List.of(seq("a", 9, 2)));
    Frame pull = written();
    sync.onPullResult(connection, pull.getRequestId(), page("a", true, 9));
    assertNull(written());
  }

  @Test
  @DisplayName("pullResult_stale: a result that answers no pull in flight is ignored")
  void pullResult_stale() {
    sync.loggedIn(connection, List.of(seq("a", 3, 0)));
    Frame pull = written();
    sync.onPullResult(connection, pull.getRequestId() + 7, page("a", false, 3, 1, 2, 3));
    assertEquals(List.of(), delivered);
    sync.onPullResult(connection, pull.getRequestId(), page("a", false, 3, 1, 2, 3));
    sync.onPullResult(connection, pull.getRequestId(), page("a", false, 3, 1, 2, 3));
    assertEquals(List.of("a 1", "a 2", "a 3"), delivered);
  }

  @Test
  @DisplayName("relogin_staleReadSeq: a new session's read seq behind what was processed resumes after what was processed, re-acks it, and forgets the old session's pulls")
  void relogin_staleReadSeq() {
    sync.loggedIn(connection, List.of(seq("a", 3, 0)));
    Frame pull = written();
    sync.onPullResult(connection, pull.getRequestId(), page("a", false, 3, 1, 2, 3));
    sync.onHints(connection, List.of(seq("a", 5, 0)));
    Frame unanswered = written();
    runLoop(); // the ack of 3 is lost with the connection
    channel.finishAndReleaseAll();

    channel = new EmbeddedChannel();
    connection = connection(channel);
    sync.loggedIn(connection, List.of(seq("a", 5, 1)));
    Frame next = written();
    assertEquals(3, next.getGroupPull().getAfterSeq());
    assertEquals(3, written().getGroupAck().getSeq());
    assertEquals(List.of(1, 2), List.of(next.getRequestId(), unanswered.getRequestId()));
    sync.onPullResult(connection, unanswered.getRequestId(), page("a", false, 5, 4, 5)); // the old session's id
    assertEquals(List.of("a 1", "a 2", "a 3"), delivered);
    sync.onPullResult(connection, next.getRequestId(), page("a", false, 5, 4, 5));
    assertEquals(List.of("a 1", "a 2", "a 3", "a 4", "a 5"), delivered);
  }

  // ---------------------------------------------------------------- a server too busy to answer a pull

  @Test
  @DisplayName("busyPull_retried: a pull the server was too busy to answer is asked again after the backoff delay, with no further hint")
  void busyPull_retried() {
    sync.loggedIn(connection, List.of(seq("a", 5, 2)));
    Frame refused = written();
    sync.onError(connection, refused.getRequestId(), ErrorCodes.UNAVAILABLE, "busy");
    assertNull(written(), "not at once");
    assertEquals(List.of(50L), laterDelays);
    runLater();
    Frame again = written();
    assertEquals(2, again.getGroupPull().getAfterSeq());
    sync.onPullResult(connection, again.getRequestId(), page("a", false, 5, 3, 4, 5));
    assertEquals(List.of("a 3", "a 4", "a 5"), delivered);
  }

  @Test
  @DisplayName("busyPull_hintsWait: hints while a retry waits do not pull at once; the retry pulls once, up to the newest")
  void busyPull_hintsWait() {
    sync.loggedIn(connection, List.of(seq("a", 5, 2)));
    sync.onError(connection, written().getRequestId(), ErrorCodes.UNAVAILABLE, "busy");
    sync.onHints(connection, List.of(seq("a", 7, 0)));
    sync.onHints(connection, List.of(seq("a", 9, 0)));
    assertNull(written());
    runLater();
    Frame again = written();
    assertEquals(2, again.getGroupPull().getAfterSeq());
    assertNull(written(), "one pull");
    sync.onPullResult(connection, again.getRequestId(), page("a", false, 9, 3, 9));
    assertEquals(List.of("a 3", "a 9"), delivered);
    assertEquals(0, sync.unread("a"));
  }

  @Test
  @DisplayName("busyPull_backoffGrows: refusals in a row wait longer each time, and an answered pull starts the count again")
  void busyPull_backoffGrows() {
    sync.loggedIn(connection, List.of(seq("a", 5, 2)));
    for (int i = 0; i < 4; i++) {
      sync.onError(connection, written().getRequestId(), ErrorCodes.UNAVAILABLE, "busy");
      runLater();
    }
    sync.onPullResult(connection, written().getRequestId(), page("a", false, 5, 3));
    sync.onHints(connection, List.of(seq("a", 6, 0)));
    sync.onError(connection, written().getRequestId(), ErrorCodes.UNAVAILABLE, "busy");
    assertEquals(List.of(50L, 100L, 200L, 400L, 50L), laterDelays);
  }

  @Test
  @DisplayName("otherRefusal_waitsForHint: a pull refused for another reason (the user left the group) is not asked again until a hint")
  void otherRefusal_waitsForHint() {
    sync.loggedIn(connection, List.of(seq("a", 5, 2)));
    sync.onError(connection, written().getRequestId(), ErrorCodes.BAD_REQUEST, "not a member");
    assertEquals(List.of(), laterDelays);
    assertNull(written());
    sync.onHints(connection, List.of(seq("a", 6, 0)));
    assertEquals(2, written().getGroupPull().getAfterSeq());
  }

  @Test
  @DisplayName("busyPull_relogin: a retry that was waiting on a connection a new login replaced does nothing; the login resumes the group")
  void busyPull_relogin() {
    sync.loggedIn(connection, List.of(seq("a", 5, 2)));
    sync.onError(connection, written().getRequestId(), ErrorCodes.UNAVAILABLE, "busy");
    channel.finishAndReleaseAll();
    channel = new EmbeddedChannel();
    connection = connection(channel);
    sync.loggedIn(connection, List.of(seq("a", 5, 2)));
    assertEquals(2, written().getGroupPull().getAfterSeq());
    runLater();
    assertNull(written(), "the old connection's retry pulls nothing");
  }

  // ---------------------------------------------------------------- one group event both ways, decided on the callback thread

  /** Listener calls queue up here until the test runs them: the callback thread lags behind the loop. */
  private final List<Runnable> callbackTasks = new ArrayList<>();
  private final List<String> lagging = new ArrayList<>();
  private final Delivery laggingDelivery =
      new Delivery(callbackTasks::add, new ParleyListener() {
        @Override
        public void onMessage(ReceivedMessage message) {
          lagging.add(message.groupId() + " " + message.groupSeq() + (message.seq() == 0 ? "" : " @" + message.seq()));
        }
      }, () -> false, () -> "alice", "laptop-1", 0);
  private final GroupSync laggingSync =
      new GroupSync(laggingDelivery, () -> connection, loopTasks::add, backoff, this::later);

  private void runCallbacks() {
    List<Runnable> tasks = new ArrayList<>(callbackTasks);
    callbackTasks.clear();
    tasks.forEach(Runnable::run);
  }

  private static TimelineEntry inTimeline(long seq, String group, long groupSeq) {
    return TimelineEntry.newBuilder().setSeq(seq)
        .setMessage(Message.newBuilder().setGroupId(group).setGroupSeq(groupSeq)).build();
  }

  @Test
  @DisplayName("bothWays_timelineFirst: a group event handed over from the timeline and then by a pull, before the listener saw either, is delivered once")
  void bothWays_timelineFirst() {
    laggingDelivery.deliver(List.of(inTimeline(1, "a", 1), inTimeline(2, "a", 2)), () -> {});
    laggingSync.onHints(connection, List.of(seq("a", 3, 0)));
    Frame pull = written();
    assertEquals(0, pull.getGroupPull().getAfterSeq(), "the listener has not processed the timeline's copy yet");
    laggingSync.onPullResult(connection, pull.getRequestId(), page("a", false, 3, 2, 3));
    runCallbacks();
    assertEquals(List.of("a 1 @1", "a 2 @2", "a 3"), lagging);
    assertEquals(2, laggingDelivery.deliveredSeq());
    assertEquals(0, laggingSync.unread("a"));
  }

  @Test
  @DisplayName("bothWays_pullFirst: a group event delivered by a pull is skipped when the timeline brings it, and its timeline seq still counts as processed")
  void bothWays_pullFirst() {
    laggingSync.onHints(connection, List.of(seq("a", 3, 0)));
    laggingSync.onPullResult(connection, written().getRequestId(), page("a", false, 3, 2, 3));
    laggingDelivery.deliver(List.of(inTimeline(1, "a", 3), inTimeline(2, "b", 1)), () -> {});
    runCallbacks();
    assertEquals(List.of("a 2", "a 3", "b 1 @2"), lagging);
    assertEquals(2, laggingDelivery.deliveredSeq());
  }

  @Test
  @DisplayName("timelineRaisesProcessed: a hint after the timeline delivered a group's events pulls only after them, and only told groups are acked")
  void timelineRaisesProcessed() {
    laggingDelivery.deliver(List.of(inTimeline(1, "a", 4), inTimeline(2, "small", 9)), () -> {});
    runCallbacks();
    laggingSync.onHints(connection, List.of(seq("a", 6, 0)));
    assertEquals(4, written().getGroupPull().getAfterSeq());
    assertEquals(2, laggingSync.unread("a"));
    laggingSync.ackAllNow();
    assertEquals(4, written().getGroupAck().getSeq());
    assertNull(written(), "a group only ever seen in the timeline is not acked to the group");
  }
}
