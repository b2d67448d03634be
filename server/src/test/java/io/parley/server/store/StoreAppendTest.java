package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Store: appending and reading timelines")
class StoreAppendTest {

  @TempDir
  Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  @DisplayName("appended messages appear in both the sender's and the recipient's timeline with seqs 1..n")
  void appendThenRead() {
    List<AppendResult> results = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      results.add(await(store.writer().append(request("alice", "bob", "m" + i))));
    }
    List<TimelineEntry> bob = store.readTimeline(APP, "bob", 0, 100);
    List<TimelineEntry> alice = store.readTimeline(APP, "alice", 0, 100);
    assertEquals(5, bob.size());
    assertEquals(5, alice.size());
    long previousId = 0;
    for (int i = 0; i < 5; i++) {
      AppendResult result = results.get(i);
      assertFalse(result.duplicate());
      assertEquals(i + 1, result.senderSeq());
      assertEquals(i + 1, result.recipientSeq());
      assertTrue(result.serverMsgId() > previousId, "server msg ids increase");
      previousId = result.serverMsgId();

      Message expected = Message.newBuilder()
          .setServerMsgId(result.serverMsgId())
          .setClientMsgId("m" + (i + 1))
          .setFromUserId("alice")
          .setToUserId("bob")
          .setServerTimeMs(result.serverTimeMs())
          .setContentType("text")
          .setContent(ByteString.copyFromUtf8("hello bob from alice #m" + (i + 1)))
          .setFromDeviceId("alice-phone")
          .build();
      assertEquals(TimelineEntry.newBuilder().setSeq(i + 1).setMessage(expected).build(), bob.get(i));
      assertEquals(TimelineEntry.newBuilder().setSeq(i + 1).setMessage(expected).build(), alice.get(i));
      assertEquals(bob.get(i), result.recipientEntry());
      assertEquals(alice.get(i), result.senderEntry());
    }
    assertEquals(5, store.newestSeq(APP, "bob"));
    assertEquals(0, store.newestSeq(APP, "carol"));
  }

  @Test
  @DisplayName("reading after a seq returns only the later entries, ascending")
  void readAfterASeq() {
    appendTen();
    assertEquals(List.of(9L, 10L), seqs(store.readTimeline(APP, "bob", 8, 100)));
  }

  @Test
  @DisplayName("a read returns at most the limit, the oldest first")
  void readUpToTheLimit() {
    appendTen();
    assertEquals(List.of(4L, 5L, 6L, 7L), seqs(store.readTimeline(APP, "bob", 3, 4)));
  }

  @Test
  @DisplayName("reading after the newest seq is empty")
  void readPastTheEnd() {
    appendTen();
    assertTrue(store.readTimeline(APP, "bob", 10, 100).isEmpty());
  }

  @Test
  @DisplayName("a read with limit 0 is empty")
  void readWithLimitZero() {
    appendTen();
    assertTrue(store.readTimeline(APP, "bob", 0, 0).isEmpty());
  }

  private void appendTen() {
    for (int i = 1; i <= 10; i++) {
      await(store.writer().append(request("alice", "bob", "m" + i)));
    }
  }

  private static List<Long> seqs(List<TimelineEntry> entries) {
    return entries.stream().map(TimelineEntry::getSeq).toList();
  }

  @Test
  @DisplayName("a user's seqs count that user's entries only, whether sent or received")
  void seqsArePerUser() {
    AppendResult first = await(store.writer().append(request("alice", "bob", "a1")));
    AppendResult second = await(store.writer().append(request("carol", "bob", "c1")));
    AppendResult third = await(store.writer().append(request("bob", "alice", "b1")));
    assertEquals(1, first.senderSeq());
    assertEquals(1, first.recipientSeq());
    assertEquals(1, second.senderSeq());
    assertEquals(2, second.recipientSeq());
    assertEquals(3, third.senderSeq());
    assertEquals(2, third.recipientSeq());
    assertEquals(List.of("a1", "c1", "b1"), store.readTimeline(APP, "bob", 0, 10).stream()
        .map(e -> e.getMessage().getClientMsgId()).toList());
  }

  @Test
  @DisplayName("a message to oneself makes one timeline entry")
  void selfSend() {
    AppendResult result = await(store.writer().append(request("alice", "alice", "note")));
    assertEquals(1, result.senderSeq());
    assertEquals(1, result.recipientSeq());
    assertSame(result.senderEntry(), result.recipientEntry());
    assertEquals(1, store.readTimeline(APP, "alice", 0, 100).size());
  }

  @Test
  @DisplayName("a message received after a message to oneself takes the next seq")
  void afterASelfSend() {
    await(store.writer().append(request("alice", "alice", "note")));
    AppendResult next = await(store.writer().append(request("bob", "alice", "hi")));
    assertEquals(2, next.recipientSeq());
    assertEquals(List.of(1L, 2L), seqs(store.readTimeline(APP, "alice", 0, 100)));
  }

  static Stream<Named<AppendRequest>> badRequests() {
    return Stream.of(
        Named.of("an empty sender", request("", "bob", "m")),
        Named.of("an empty recipient", request("alice", "", "m")),
        Named.of("an empty client msg id", request("alice", "bob", "")),
        Named.of("a sender holding U+0000", request("al\0ice", "bob", "m")),
        Named.of("a client msg id holding U+0000", request("alice", "bob", "m\0")),
        Named.of("an empty app id", new AppendRequest("", "alice", "d", "bob", "m", "text", ByteString.EMPTY)),
        Named.of("no content", new AppendRequest(APP, "alice", "d", "bob", "m", "text", null)),
        Named.of("no request at all", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  @DisplayName("a malformed request fails with IllegalArgumentException and stores nothing")
  void rejectsBadRequests(AppendRequest request) {
    CompletableFuture<AppendResult> future = store.writer().append(request);
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(0, store.newestSeq(APP, "bob"));
    assertEquals(0, store.stats().appends());
  }
}
