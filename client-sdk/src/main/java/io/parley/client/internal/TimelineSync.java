package io.parley.client.internal;

import io.parley.client.ParleyException;
import io.parley.protocol.v1.Ack;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Push;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Keeps this device's copy of the user's timeline complete (DESIGN §5): takes pushed entries, pulls pages across a
 * gap or when the server says newer entries exist, follows the server's resume point at login, and acks the highest
 * seq the listener has processed. Pushed entries with seq 0 are online-only events outside the timeline: delivered in
 * the order they came, never acked, never a gap. At most one Pull is in flight per connection. Confined to the event
 * loop, except {@link #ackSoon}.
 */
final class TimelineSync {
  /** Page size of a Pull. */
  static final int PULL_LIMIT = 200;

  private final Timeline timeline;
  private final Delivery delivery;
  private final Supplier<Connection> current;
  private final Executor loop;
  private final AtomicBoolean ackScheduled = new AtomicBoolean();

  /** {@code current} is the client's current connection (null between connections); {@code loop} runs tasks on it. */
  TimelineSync(long acceptedSeq, Delivery delivery, Supplier<Connection> current, Executor loop) {
    this.timeline = new Timeline(acceptedSeq);
    this.delivery = delivery;
    this.current = current;
    this.loop = loop;
  }

  /** The seq a Login on {@code c} resumes after: what the listener has processed, which counts as acked by it. */
  long loginCursor(Connection c) {
    c.lastAckSent = delivery.deliveredSeq();
    return c.lastAckSent;
  }

  /**
   * A login on {@code c} succeeded and delivery resumes after {@code resumeAfter}. Below our cursor, the server's
   * timeline ends before it (a reset store, another server): it resumes from its newest seq, and so do we, or every
   * entry up to our old cursor would be dropped as already seen.
   */
  void loggedIn(Connection c, long resumeAfter) {
    if (resumeAfter < c.lastAckSent) {
      timeline.rewind(resumeAfter);
      c.lastAckSent = resumeAfter;
      delivery.rewind(resumeAfter);
    }
  }

  void onPush(Connection c, Push push) {
    if (push.getEntriesCount() == 0) {
      if (timeline.isBehind(push.getNewestSeq())) {
        requestPull(c);
      }
      return;
    }
    Timeline.Accepted accepted = timeline.accept(push.getEntriesList());
    delivery.deliver(accepted.entries(), this::ackSoon);
    if (accepted.gap()) {
      requestPull(c);
    }
  }

  /** A PullResult arrived; one that does not answer the Pull in flight is ignored. */
  void onPullResult(Connection c, int requestId, PullResult result) {
    if (requestId == 0 || requestId != c.pullRequestId) {
      return;
    }
    c.pullRequestId = 0;
    long before = timeline.acceptedSeq();
    Timeline.Accepted accepted = timeline.accept(result.getEntriesList());
    delivery.deliver(accepted.entries(), this::ackSoon);
    boolean progressed = timeline.acceptedSeq() > before;
    boolean again = c.pullAgain;
    c.pullAgain = false;
    boolean more = result.getHasMore() || accepted.gap() || timeline.isBehind(result.getNewestSeq());
    // Without progress a further page would ask the same question again: wait for the next push.
    if (again || (more && progressed)) {
      requestPull(c);
    }
  }

  /**
   * Handles an Error if it answers the Pull in flight (false otherwise): the timeline cannot be completed on this
   * connection, so it is closed, and the next login resumes from the last ack.
   */
  boolean onError(Connection c, int requestId, int code, String message) {
    if (requestId == 0 || requestId != c.pullRequestId) {
      return false;
    }
    c.pullRequestId = 0;
    c.failed(new ParleyException(code, "pull refused: " + message));
    c.channel.close();
    return true;
  }

  /** Acks what the listener has processed, soon, on the event loop; many calls before it runs make one Ack. Any thread. */
  void ackSoon() {
    if (ackScheduled.compareAndSet(false, true)) {
      loop.execute(this::ackNow);
    }
  }

  /** Acks what the listener has processed, if the current session has not acked it yet. */
  void ackNow() {
    ackScheduled.set(false);
    Connection c = current.get();
    long seq = delivery.deliveredSeq();
    if (c != null && c.loggedIn && seq > c.lastAckSent) {
      c.lastAckSent = seq;
      c.channel.writeAndFlush(Frame.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
    }
  }

  private void requestPull(Connection c) {
    if (c.pullRequestId != 0) {
      c.pullAgain = true;
      return;
    }
    c.pullRequestId = c.nextRequestId();
    c.channel.writeAndFlush(
        Frame.newBuilder()
            .setRequestId(c.pullRequestId)
            .setPull(Pull.newBuilder().setAfterSeq(timeline.acceptedSeq()).setLimit(PULL_LIMIT))
            .build());
  }
}
