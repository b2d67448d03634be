package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.client.ParleyException;
import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimelineSync")
class TimelineSyncTest {
  private final List<Long> delivered = new ArrayList<>();
  private final List<Runnable> loopTasks = new ArrayList<>();
  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final Connection connection = new Connection(null);
  private final Delivery delivery =
      new Delivery(Runnable::run, new ParleyListener() {
        @Override
        public void onMessage(ReceivedMessage message) {
          delivered.add(message.seq());
        }
      }, () -> false, () -> "alice", "laptop-1", 0);
  private final TimelineSync sync = new TimelineSync(0, delivery, () -> connection, loopTasks::add);

  TimelineSyncTest() {
    connection.channel = channel;
    connection.loggedIn = true;
  }

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private static List<TimelineEntry> entries(long... seqs) {
    return LongStream.of(seqs).mapToObj(s -> TimelineEntry.newBuilder().setSeq(s).setMessage(io.parley.protocol.v1.Message.getDefaultInstance()).build()).toList();
  }

  private static Push push(long... seqs) {
    return Push.newBuilder().addAllEntries(entries(seqs)).build();
  }

  private Frame written() {
    return channel.readOutbound();
  }

  @Test
  @DisplayName("push_contiguous: delivered, nothing pulled")
  void push_contiguous() {
    sync.onPush(connection, push(1, 2));
    assertEquals(List.of(1L, 2L), delivered);
    assertNull(written());
  }

  @Test
  @DisplayName("push_gap: delivers up to the gap and pulls after it")
  void push_gap() {
    sync.onPush(connection, push(1, 3));
    assertEquals(List.of(1L), delivered);
    Frame pull = written();
    assertEquals(1, pull.getPull().getAfterSeq());
    assertEquals(TimelineSync.PULL_LIMIT, pull.getPull().getLimit());
    assertEquals(connection.pullRequestId, pull.getRequestId());
  }

  @Test
  @DisplayName("push_newestOnly: pulls when behind, not when caught up")
  void push_newestOnly() {
    sync.onPush(connection, Push.newBuilder().setNewestSeq(0).build());
    assertNull(written());
    sync.onPush(connection, Push.newBuilder().setNewestSeq(5).build());
    assertEquals(0, written().getPull().getAfterSeq());
  }

  @Test
  @DisplayName("pull_onePerConnection: a gap during a pull asks again once the answer is in")
  void pull_onePerConnection() {
    sync.onPush(connection, push(2));
    int first = written().getRequestId();
    sync.onPush(connection, push(4));
    assertNull(written(), "one Pull in flight");

    sync.onPullResult(connection, first, PullResult.newBuilder().addAllEntries(entries(1, 2)).build());
    assertEquals(List.of(1L, 2L), delivered);
    assertEquals(2, written().getPull().getAfterSeq());
  }

  @Test
  @DisplayName("pull_noProgress: a page that adds nothing does not ask the same question again")
  void pull_noProgress() {
    sync.onPush(connection, push(3));
    int first = written().getRequestId();
    sync.onPullResult(connection, first, PullResult.newBuilder().setHasMore(true).setNewestSeq(3).build());
    assertNull(written());
  }

  @Test
  @DisplayName("pull_hasMore: pages on while the server has more and each page progresses")
  void pull_hasMore() {
    sync.onPush(connection, push(3));
    int first = written().getRequestId();
    sync.onPullResult(connection, first, PullResult.newBuilder().addAllEntries(entries(1, 2)).setHasMore(true).build());
    assertEquals(2, written().getPull().getAfterSeq());
  }

  @Test
  @DisplayName("pull_staleAnswer: a PullResult for another request is ignored")
  void pull_staleAnswer() {
    sync.onPullResult(connection, 99, PullResult.newBuilder().addAllEntries(entries(1)).build());
    assertTrue(delivered.isEmpty());
  }

  @Test
  @DisplayName("pull_refused: the connection closes with the refusal as its cause")
  void pull_refused() {
    sync.onPush(connection, push(2));
    int first = written().getRequestId();
    assertFalse(sync.onError(connection, first + 1, 5001, "other"));
    assertTrue(sync.onError(connection, first, 5001, "busy"));
    assertEquals(5001, assertInstanceOf(ParleyException.class, connection.cause).code());
    assertFalse(channel.isOpen());
  }

  @Test
  @DisplayName("loggedIn_resumeBelowCursor: the cursor rewinds to the server's resume point and entries after it flow")
  void loggedIn_resumeBelowCursor() {
    sync.onPush(connection, push(1, 2, 3));
    assertEquals(3, sync.loginCursor(connection));
    sync.loggedIn(connection, 1);
    assertEquals(1, delivery.deliveredSeq());
    assertEquals(1, connection.lastAckSent);
    sync.onPush(connection, push(2));
    assertEquals(List.of(1L, 2L, 3L, 2L), delivered);
  }

  @Test
  @DisplayName("loggedIn_resumeAtCursor: nothing moves")
  void loggedIn_resumeAtCursor() {
    sync.onPush(connection, push(1, 2));
    sync.loginCursor(connection);
    sync.loggedIn(connection, 2);
    sync.onPush(connection, push(2));
    assertEquals(List.of(1L, 2L), delivered);
    assertEquals(2, connection.lastAckSent);
  }

  @Test
  @DisplayName("ack_coalesced: deliveries before the loop runs make one Ack of the highest processed seq")
  void ack_coalesced() {
    sync.onPush(connection, push(1));
    sync.onPush(connection, push(2));
    assertEquals(1, loopTasks.size());
    loopTasks.get(0).run();
    assertEquals(2, written().getAck().getSeq());
    assertNull(written());
  }

  @Test
  @DisplayName("ack_nothingNew: no Ack for a seq already acked, nor before login")
  void ack_nothingNew() {
    sync.ackNow();
    assertNull(written());
    sync.onPush(connection, push(1));
    connection.loggedIn = false;
    sync.ackNow();
    assertNull(written());
  }
}
