package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: a group message imported with the time it was sent elsewhere")
class StoreImportedMessageTest {
  private static final Conversation G1 = new Conversation.Group("g1");
  private static final long SENT = 1_600_000_000_000L;

  @TempDir
  Path dir;

  private static Message message(String clientMsgId) {
    return Message.newBuilder().setClientMsgId(clientMsgId).setFromUserId("alice").setContentType("text").build();
  }

  @Test
  @DisplayName("it keeps the given time as its server time, in the answer and in the history, and takes the next "
      + "group seq; a retry is answered with the same time")
  void keepsGivenTime() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult sent = await(store.writer().append(new AppendRequest(APP, G1, "alice",
          new Event.NewMessage(message("now")), "now", List.of("alice"))));
      AppendResult imported = await(store.writer().append(new AppendRequest(APP, G1, "alice",
          new Event.NewMessage(message("old")), "old", List.of(), true, SENT)));

      assertEquals(SENT, imported.serverTimeMs());
      assertEquals(sent.groupSeq() + 1, imported.groupSeq());
      assertTrue(imported.serverMsgId() > sent.serverMsgId(), "ids stay the store's own, in order");
      List<TimelineEntry> history = store.readGroup(APP, "g1", 0, 10);
      assertEquals(SENT, history.get(1).getMessage().getServerTimeMs());
      assertTrue(history.get(0).getMessage().getServerTimeMs() > SENT, "an ordinary send keeps the store's time");

      AppendResult retry = await(store.writer().append(new AppendRequest(APP, G1, "alice",
          new Event.NewMessage(message("old")), "old", List.of(), true, SENT)));
      assertTrue(retry.duplicate());
      assertEquals(SENT, retry.serverTimeMs());
    }
  }

  @Test
  @DisplayName("only a group message may carry a given time, and it is positive")
  void onlyGroupMessages() {
    assertThrows(IllegalArgumentException.class, () -> new AppendRequest(APP, new Conversation.C2c("alice", "bob"),
        "alice", new Event.NewMessage(message("c")), "c", List.of("alice", "bob"), false, SENT));
    assertThrows(IllegalArgumentException.class, () -> new AppendRequest(APP, G1, "alice",
        new Event.NewMessage(message("n")), "n", List.of(), true, -1));
  }
}
