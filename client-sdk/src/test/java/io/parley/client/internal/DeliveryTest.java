package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Delivery")
class DeliveryTest {
  private final List<String> calls = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger batches = new AtomicInteger();

  private final ParleyListener listener =
      new ParleyListener() {
        @Override
        public void onMessage(ReceivedMessage message) {
          calls.add("message " + message.seq());
          if (message.contentType().equals("throw")) {
            throw new IllegalStateException("listener bug");
          }
          if (message.contentType().equals("close")) {
            closed.set(true);
          }
        }

        @Override
        public void onGroupTip(io.parley.protocol.v1.GroupTip tip) {
          calls.add("tip " + tip.getGroupId() + " " + tip.getGroupSeq());
        }

        @Override
        public void onGroupNotification(io.parley.protocol.v1.GroupNotification notification) {
          calls.add("notification " + notification.getGroupId());
        }

        @Override
        public void onRecalled(ReceivedMessage message) {
          calls.add("recalled " + message.seq() + " of " + message.serverMsgId());
        }
      };

  /** Runs the callback thread's tasks inline. */
  private final Delivery delivery = new Delivery(Runnable::run, listener, closed::get, () -> "alice", "laptop-1", 4);

  private static TimelineEntry message(long seq, String contentType) {
    return TimelineEntry.newBuilder().setSeq(seq)
        .setMessage(Message.newBuilder().setServerMsgId(100 + seq).setFromUserId("bob").setContentType(contentType))
        .build();
  }

  private static TimelineEntry notice(long seq, long serverMsgId) {
    return TimelineEntry.newBuilder().setSeq(seq).setRecallNotice(true)
        .setMessage(Message.newBuilder().setServerMsgId(serverMsgId).setFromUserId("bob").setRecalled(true))
        .build();
  }

  @Test
  @DisplayName("deliver_inOrder: messages to onMessage, recall notices to onRecalled, in seq order, then one afterBatch")
  void deliver_inOrder() {
    delivery.deliver(List.of(message(5, "text"), notice(6, 105), message(7, "text")), batches::incrementAndGet);
    assertEquals(List.of("message 5", "recalled 6 of 105", "message 7"), calls);
    assertEquals(7, delivery.deliveredSeq());
    assertEquals(1, batches.get());
  }

  @Test
  @DisplayName("deliver_newEvents: a recall event goes to onRecalled; an event this client does not know is skipped but counted as processed")
  void deliver_newEvents() {
    TimelineEntry recall = TimelineEntry.newBuilder().setSeq(6).setRecall(io.parley.protocol.v1.RecallNotice.newBuilder()
        .setMessage(Message.newBuilder().setServerMsgId(105).setFromUserId("bob").setRecalled(true))).build();
    TimelineEntry unknown = TimelineEntry.newBuilder().setSeq(7).build(); // a newer server's event kind
    delivery.deliver(List.of(message(5, "text"), recall, unknown, message(8, "text")), batches::incrementAndGet);
    assertEquals(List.of("message 5", "recalled 6 of 105", "message 8"), calls);
    assertEquals(8, delivery.deliveredSeq());
  }

  @Test
  @DisplayName("deliver_empty: nothing to hand over, no afterBatch")
  void deliver_empty() {
    delivery.deliver(List.of(), batches::incrementAndGet);
    assertEquals(0, batches.get());
    assertEquals(4, delivery.deliveredSeq());
  }

  @Test
  @DisplayName("deliver_listenerThrows: the entry counts as processed and the next one follows")
  void deliver_listenerThrows() {
    delivery.deliver(List.of(message(5, "throw"), message(6, "text")), batches::incrementAndGet);
    assertEquals(List.of("message 5", "message 6"), calls);
    assertEquals(6, delivery.deliveredSeq());
  }

  @Test
  @DisplayName("deliver_closedMidBatch: nothing after the entry during which the client closed, and no ack")
  void deliver_closedMidBatch() {
    delivery.deliver(List.of(message(5, "close"), message(6, "text")), batches::incrementAndGet);
    assertEquals(List.of("message 5"), calls);
    assertEquals(5, delivery.deliveredSeq());
    assertEquals(0, batches.get());
  }

  @Test
  @DisplayName("rewind: the processed seq moves back to the server's resume point")
  void rewind() {
    delivery.rewind(2);
    assertEquals(2, delivery.deliveredSeq());
  }

  @Test
  @DisplayName("deliver_groupEvents: tips and notifications go to their own listener methods, in order, and count as processed")
  void deliver_groupEvents() {
    TimelineEntry tip = TimelineEntry.newBuilder().setSeq(6)
        .setGroupTip(io.parley.protocol.v1.GroupTip.newBuilder().setGroupId("g1").setGroupSeq(40)).build();
    TimelineEntry notification = TimelineEntry.newBuilder().setSeq(7)
        .setGroupNotification(io.parley.protocol.v1.GroupNotification.newBuilder().setGroupId("g2")).build();
    delivery.deliver(List.of(message(5, "text"), tip, notification, message(8, "text")), batches::incrementAndGet);
    assertEquals(List.of("message 5", "tip g1 40", "notification g2", "message 8"), calls);
    assertEquals(8, delivery.deliveredSeq());
  }

  @Test
  @DisplayName("deliverGroup: a group's own history reports its group seqs to the caller and leaves the timeline seq alone")
  void deliverGroup() {
    List<Long> processed = new ArrayList<>();
    TimelineEntry tip = TimelineEntry.newBuilder().setSeq(41)
        .setGroupTip(io.parley.protocol.v1.GroupTip.newBuilder().setGroupId("g1").setGroupSeq(41)).build();
    delivery.deliverGroup("g1", List.of(message(40, "text"), tip), processed::add, batches::incrementAndGet);
    assertEquals(List.of("message 0", "tip g1 41"), calls, "a message of a group's history has no timeline seq");
    assertEquals(List.of(40L, 41L), processed);
    assertEquals(4, delivery.deliveredSeq());
    assertEquals(1, batches.get());
  }

  @Test
  @DisplayName("deliver_onlineOnly: an entry with seq 0 reaches the listener in its place but is not recorded as processed")
  void deliver_onlineOnly() {
    delivery.deliver(List.of(message(5, "text"), message(0, "live"), message(6, "text"), message(0, "live")),
        batches::incrementAndGet);
    assertEquals(List.of("message 5", "message 0", "message 6", "message 0"), calls);
    assertEquals(6, delivery.deliveredSeq());
    delivery.deliver(List.of(message(0, "live")), batches::incrementAndGet);
    assertEquals(6, delivery.deliveredSeq(), "the processed seq never moves back to 0");
  }
}
