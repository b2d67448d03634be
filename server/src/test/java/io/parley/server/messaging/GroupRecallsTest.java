package io.parley.server.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TextElement;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.messaging.GroupRecalls.Outcome;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.AppendResult;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import io.parley.server.sync.GroupFanOut;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Group recalls by the app server: the message reads as recalled and a notice joins the history")
class GroupRecallsTest {
  private static final String APP = "app";

  @TempDir
  Path dir;
  private Store store;
  private GroupRecalls recalls;
  private List<MemberRecord> members;

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    members = List.of(member("alice"), member("bob"));
    GroupFanOut fanOut = new GroupFanOut(store, (app, group) -> members, new SessionRegistry(), 500);
    recalls = new GroupRecalls(store, fanOut);
    store.groups().create(group("g", "tencent.Public"), members);
    store.groups().create(group("room", "tencent.AVChatRoom"), List.of());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static MemberRecord member(String id) {
    return new MemberRecord(id, Role.MEMBER, 0, 0, "", Map.of(), ReceiveOption.NOTIFY);
  }

  private static GroupRecord group(String id, String kind) {
    return new GroupRecord(APP, id, kind, "G", "", "", "", "", GroupOptions.DEFAULTS, 100, Map.of(), 0);
  }

  private AppendResult sent(String from, String text) throws Exception {
    Message m = Message.newBuilder().setClientMsgId(text).setFromUserId(from)
        .addElements(Element.newBuilder().setText(TextElement.newBuilder().setText(text))).build();
    return store.writer().append(new AppendRequest(APP, new Conversation.Group("g"), from, new Event.NewMessage(m),
        text, List.of("alice", "bob"), false)).get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a recalled message reads as recalled in the history, its body gone, and the notice follows it")
  void recalled() throws Exception {
    long seq = sent("alice", "hello").groupSeq();
    assertEquals(Outcome.RECALLED, recalls.recall(APP, "g", seq));
    List<TimelineEntry> history = store.readGroup(APP, "g", 0, 10);
    assertEquals(2, history.size());
    Message original = history.get(0).getMessage();
    assertTrue(original.getRecalled());
    assertEquals(0, original.getElementsCount());
    assertTrue(history.get(1).hasRecall());
    assertEquals(seq, history.get(1).getRecall().getMessage().getGroupSeq());
    assertEquals(seq + 1, history.get(1).getSeq());
  }

  @Test
  @DisplayName("each member's timeline gets the recall notice after the message")
  void membersTold() throws Exception {
    long seq = sent("alice", "hello").groupSeq();
    recalls.recall(APP, "g", seq);
    for (String user : List.of("alice", "bob")) {
      List<TimelineEntry> timeline = store.readTimeline(APP, user, 0, 10);
      assertEquals(2, timeline.size(), user);
      assertTrue(timeline.get(0).getMessage().getRecalled(), user);
      assertTrue(timeline.get(1).hasRecall(), user);
    }
  }

  @Test
  @DisplayName("recalling the same message twice stores one notice and answers already recalled")
  void twice() throws Exception {
    long seq = sent("alice", "hello").groupSeq();
    recalls.recall(APP, "g", seq);
    assertEquals(Outcome.ALREADY_RECALLED, recalls.recall(APP, "g", seq));
    assertEquals(2, store.readGroup(APP, "g", 0, 10).size());
  }

  @Test
  @DisplayName("two recalls of one message racing in the store: one is stored, the other answers duplicate")
  void racing() throws Exception {
    AppendResult sent = sent("alice", "hello");
    Message m = store.readGroup(APP, "g", 0, 1).get(0).getMessage();
    AppendRequest recall = new AppendRequest(APP, new Conversation.Group("g"), "alice",
        new Event.GroupRecall(sent.groupSeq(), m), null, List.of("alice", "bob"), false);
    var first = store.writer().append(recall);
    var second = store.writer().append(recall);
    int stored = 0;
    for (var f : List.of(first, second)) {
      stored += f.get(10, TimeUnit.SECONDS).duplicate() ? 0 : 1;
    }
    assertEquals(1, stored);
    assertEquals(2, store.readGroup(APP, "g", 0, 10).size());
  }

  @Test
  @DisplayName("a seq with no message, a tip's seq or a group without history answers not found")
  void notFound() throws Exception {
    long seq = sent("alice", "hello").groupSeq();
    assertEquals(Outcome.NOT_FOUND, recalls.recall(APP, "g", seq + 5));
    assertEquals(Outcome.NOT_FOUND, recalls.recall(APP, "g", 0));
    assertEquals(Outcome.NOT_FOUND, recalls.recall(APP, "room", 1));
    assertEquals(Outcome.NOT_FOUND, recalls.recall(APP, "nope", 1));
    recalls.recall(APP, "g", seq);
    assertEquals(Outcome.NOT_FOUND, recalls.recall(APP, "g", seq + 1)); // the notice itself is not a message
  }

  @Test
  @DisplayName("recalling one message leaves the others as they were")
  void othersKept() throws Exception {
    long first = sent("alice", "one").groupSeq();
    sent("bob", "two");
    recalls.recall(APP, "g", first);
    List<TimelineEntry> history = store.readGroup(APP, "g", 0, 10);
    assertFalse(history.get(1).getMessage().getRecalled());
    assertEquals("two", history.get(1).getMessage().getElements(0).getText().getText());
  }
}
