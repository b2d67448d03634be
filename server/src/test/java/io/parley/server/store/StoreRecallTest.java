package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TextElement;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Store: a recall record per recalled message, durable, applied to every read")
class StoreRecallTest {
  @TempDir Path dir;

  private static AppendRequest text(String from, String to, String clientMsgId, String text) {
    Message message = Message.newBuilder().setClientMsgId(clientMsgId).setFromUserId(from).setToUserId(to)
        .setFromDeviceId(from + "-phone")
        .addElements(Element.newBuilder().setText(TextElement.newBuilder().setText(text)))
        .setCloudCustomData("ccd").build();
    return request(from, to, message, List.of(from, to));
  }

  private static RecallResult recall(Store store, String from, String to, long id) {
    return await(store.writer().recall(new RecallRequest(APP, from, to, id)));
  }

  @Test
  @DisplayName("a recalled message keeps its ids but loses its body in the history and in both timelines")
  void recalledReads() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult sent = await(store.writer().append(text("alice", "bob", "m1", "secret")));
      await(store.writer().append(text("alice", "bob", "m2", "kept")));

      assertEquals(RecallResult.Outcome.RECALLED, recall(store, "alice", "bob", sent.serverMsgId()).outcome());

      List<Message> history = store.readConversation(APP, "alice", "bob", 0, Long.MAX_VALUE, 10);
      Message recalled = history.get(1);
      assertEquals(sent.serverMsgId(), recalled.getServerMsgId());
      assertEquals("m1", recalled.getClientMsgId());
      assertTrue(recalled.getRecalled());
      assertEquals(0, recalled.getElementsCount());
      assertEquals("", recalled.getCloudCustomData());
      assertFalse(history.get(0).getRecalled(), "the other message is untouched");
      assertEquals("kept", history.get(0).getElements(0).getText().getText());

      List<TimelineEntry> bob = store.readTimeline(APP, "bob", 0, 10);
      assertEquals(List.of(1L, 2L, 3L), bob.stream().map(TimelineEntry::getSeq).toList(), "the notice is the next seq");
      assertTrue(bob.get(0).getMessage().getRecalled(), "the original entry reads recalled");
      assertEquals(TimelineEntry.EventCase.MESSAGE, bob.get(0).getEventCase());
      assertEquals(TimelineEntry.EventCase.RECALL, bob.get(2).getEventCase(), "the notice is a recall event");
      assertEquals(sent.serverMsgId(), bob.get(2).getRecall().getMessage().getServerMsgId());
      assertTrue(bob.get(2).getRecall().getMessage().getRecalled());
      assertEquals(3, store.readTimeline(APP, "alice", 0, 10).size(), "the sender's devices are told too");
    }
  }

  @Test
  @DisplayName("the recall survives a restart: after reopening, the message still reads recalled and recalling again changes nothing")
  void survivesRestart() {
    long id;
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      id = await(store.writer().append(text("alice", "bob", "m1", "secret"))).serverMsgId();
      recall(store, "alice", "bob", id);
    }
    try (Store reopened = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      Message m = reopened.readConversation(APP, "bob", "alice", 0, Long.MAX_VALUE, 10).get(0);
      assertTrue(m.getRecalled());
      assertEquals(0, m.getElementsCount());
      assertTrue(reopened.readTimeline(APP, "bob", 0, 10).get(0).getMessage().getRecalled());
      assertEquals(RecallResult.Outcome.ALREADY_RECALLED, recall(reopened, "alice", "bob", id).outcome());
      assertEquals(2, reopened.newestSeq(APP, "bob"), "no second notice");
    }
  }

  static Stream<Arguments> notFound() {
    return Stream.of(
        Arguments.of(Named.of("an id of no message", "alice"), "bob", 1L),
        Arguments.of(Named.of("the pair's message recalled as sent by the other one", "bob"), "alice", 0L),
        Arguments.of(Named.of("the message's id in another conversation", "alice"), "carol", 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("a recall that names no message of that sender is not found and writes nothing")
  void notFound(String from, String to, long idOffset) {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      long id = await(store.writer().append(request("alice", "bob", "m1"))).serverMsgId();
      assertEquals(RecallResult.Outcome.NOT_FOUND, recall(store, from, to, id + idOffset).outcome());
      assertEquals(1, store.newestSeq(APP, "bob"));
      assertEquals(1, store.newestSeq(APP, "alice"));
      assertFalse(store.readConversation(APP, "alice", "bob", 0, Long.MAX_VALUE, 10).get(0).getRecalled());
    }
  }

  @Test
  @DisplayName("the listener hears of a recall once, with both notice entries, and never of a repeated one")
  void listenerHearsOnce() {
    List<RecallResult> heard = new CopyOnWriteArrayList<>();
    CommitListener listener = new CommitListener() {
      @Override
      public void committed(List<AppendResult> batch) {
      }

      @Override
      public void recalled(List<RecallResult> recalls) {
        heard.addAll(recalls);
      }
    };
    try (Store store = Store.open(dir, StoreOptions.defaults(), listener)) {
      long id = await(store.writer().append(request("alice", "bob", "m1"))).serverMsgId();
      recall(store, "alice", "bob", id);
      recall(store, "alice", "bob", id);
      assertEquals(1, heard.size());
      assertEquals(2, heard.get(0).senderEntry().getSeq());
      assertEquals(2, heard.get(0).recipientEntry().getSeq());
      assertEquals(TimelineEntry.EventCase.RECALL, heard.get(0).recipientEntry().getEventCase());
    }
  }

  @Test
  @DisplayName("a message to oneself gets one notice in its one timeline")
  void selfSend() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      long id = await(store.writer().append(request("alice", "alice", "m1"))).serverMsgId();
      assertEquals(RecallResult.Outcome.RECALLED, recall(store, "alice", "alice", id).outcome());
      assertEquals(2, store.newestSeq(APP, "alice"));
    }
  }
}
