package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.recipientEntry;
import static io.parley.server.store.Fixtures.recipientSeq;
import static io.parley.server.store.Fixtures.request;
import static io.parley.server.store.Fixtures.senderEntry;
import static io.parley.server.store.Fixtures.senderSeq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
      assertEquals(i + 1, senderSeq(result));
      assertEquals(i + 1, recipientSeq(result));
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
      assertEquals(bob.get(i), recipientEntry(result));
      assertEquals(alice.get(i), senderEntry(result));
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
    assertEquals(1, senderSeq(first));
    assertEquals(1, recipientSeq(first));
    assertEquals(1, senderSeq(second));
    assertEquals(2, recipientSeq(second));
    assertEquals(3, senderSeq(third));
    assertEquals(2, recipientSeq(third));
    assertEquals(List.of("a1", "c1", "b1"), store.readTimeline(APP, "bob", 0, 10).stream()
        .map(e -> e.getMessage().getClientMsgId()).toList());
  }

  @Test
  @DisplayName("a message to oneself makes one timeline entry")
  void selfSend() {
    AppendResult result = await(store.writer().append(request("alice", "alice", "note")));
    assertEquals(1, senderSeq(result));
    assertEquals(1, recipientSeq(result));
    assertEquals(List.of(new Delivery("alice", 1)), result.deliveries());
    assertEquals(1, store.readTimeline(APP, "alice", 0, 100).size());
  }

  @Test
  @DisplayName("a message received after a message to oneself takes the next seq")
  void afterASelfSend() {
    await(store.writer().append(request("alice", "alice", "note")));
    AppendResult next = await(store.writer().append(request("bob", "alice", "hi")));
    assertEquals(2, recipientSeq(next));
    assertEquals(List.of(1L, 2L), seqs(store.readTimeline(APP, "alice", 0, 100)));
  }

  static Stream<Named<AppendRequest>> badRequests() {
    return Stream.of(
        Named.of("an empty sender", request("", "bob", "m")),
        Named.of("an empty recipient", request("alice", "", "m")),
        Named.of("an empty client msg id", request("alice", "bob", "")),
        Named.of("a sender holding U+0000", request("al\0ice", "bob", "m")),
        Named.of("a client msg id holding U+0000", request("alice", "bob", "m\0")),
        Named.of("an empty app id", new AppendRequest("", Conversation.c2c("alice", "bob"), "alice",
            request("alice", "bob", "m").event(), "m", List.of("alice", "bob"))),
        Named.of("no event", new AppendRequest(APP, Conversation.c2c("alice", "bob"), "alice", null, "m", List.of())),
        Named.of("no timelines list", new AppendRequest(APP, Conversation.c2c("alice", "bob"), "alice",
            request("alice", "bob", "m").event(), "m", null)),
        Named.of("a timeline outside the conversation", request("alice", "bob", "m", List.of("alice", "carol"))),
        Named.of("the same timeline twice", request("alice", "bob", "m", List.of("bob", "bob"))),
        Named.of("a sender outside the conversation", new AppendRequest(APP, Conversation.c2c("bob", "carol"),
            "alice", request("alice", "bob", "m").event(), "m", List.of("bob"))),
        Named.of("a message from someone other than the sender", new AppendRequest(APP,
            Conversation.c2c("alice", "bob"), "bob", request("alice", "bob", "m").event(), "m", List.of("bob"))),
        Named.of("a group with an empty id", new AppendRequest(APP, new Conversation.Group(""),
            "alice", request("alice", "bob", "m").event(), "m", List.of("alice"))),
        Named.of("a message in no conversation", new AppendRequest(APP, new Conversation.Timelines(),
            "alice", request("alice", "bob", "m").event(), "m", List.of("alice"))),
        Named.of("a group message without a dedup key", new AppendRequest(APP, new Conversation.Group("g1"),
            "alice", request("alice", "bob", "m").event(), null, List.of("alice"))),
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
