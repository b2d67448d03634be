package io.parley.server.store;

import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DedupRecord: the stored answer to a retried append")
class DedupRecordTest {

  private static AppendResult stored(AppendRequest request, List<Delivery> deliveries) {
    return new AppendResult(request, 7, 9, 0, false,
        io.parley.protocol.v1.TimelineEntry.newBuilder().setMessage(request.message()).build(), deliveries);
  }

  @Test
  @DisplayName("the value is four big-endian longs: server msg id, sender's seq, recipient's seq, server time")
  void layout() {
    AppendRequest request = request("alice", "bob", "m1");
    byte[] value = DedupRecord.of(stored(request, List.of(new Delivery("alice", 3), new Delivery("bob", 5)))).encode();
    byte[] expected = new byte[32];
    expected[7] = 7;
    expected[15] = 3;
    expected[23] = 5;
    expected[31] = 9;
    assertArrayEquals(expected, value);
  }

  @Test
  @DisplayName("a retry gets the original ids, time and deliveries, the sender's first, and no message")
  void retry() {
    AppendRequest request = request("alice", "bob", "m1");
    byte[] value = DedupRecord.of(stored(request, List.of(new Delivery("bob", 5), new Delivery("alice", 3)))).encode();
    AppendResult retry = DedupRecord.decode(value).duplicateResult(request);
    assertTrue(retry.duplicate());
    assertEquals(7, retry.serverMsgId());
    assertEquals(9, retry.serverTimeMs());
    assertEquals(List.of(new Delivery("alice", 3), new Delivery("bob", 5)), retry.deliveries());
    assertNull(retry.message());
  }

  @Test
  @DisplayName("a timeline the original skipped (seq 0) is no delivery of the retry")
  void skippedTimeline() {
    AppendRequest request = request("alice", "bob", "m1", List.of("bob"));
    byte[] value = DedupRecord.of(stored(request, List.of(new Delivery("bob", 5)))).encode();
    assertEquals(List.of(new Delivery("bob", 5)), DedupRecord.decode(value).duplicateResult(request).deliveries());
  }

  @Test
  @DisplayName("a note to self recorded with its seq in both fields is one delivery")
  void selfSendBothFields() {
    AppendRequest request = request("alice", "alice", "n1");
    assertEquals(List.of(new Delivery("alice", 4)),
        new DedupRecord(7, 4, 4, 9).duplicateResult(request).deliveries());
  }

  @Test
  @DisplayName("a note to self recorded with its seq in the recipient's field only (older records) is one delivery")
  void selfSendRecipientFieldOnly() {
    AppendRequest request = request("alice", "alice", "n1", List.of("alice"));
    assertEquals(List.of(new Delivery("alice", 4)),
        new DedupRecord(7, 0, 4, 9).duplicateResult(request).deliveries());
  }
}
