package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: one C2C conversation's history, newest first")
class StoreConversationTest {
  @TempDir Path dir;
  Store store;
  final List<Long> ids = new ArrayList<>(); // server msg ids of alice<->bob, oldest first

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    for (int i = 0; i < 10; i++) {
      boolean fromAlice = i % 2 == 0;
      ids.add(await(store.writer().append(request(fromAlice ? "alice" : "bob", fromAlice ? "bob" : "alice", "m" + i)))
          .serverMsgId());
      await(store.writer().append(request("alice", "carol", "other" + i))); // another conversation, interleaved
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> clientIds(List<Message> page) {
    return page.stream().map(Message::getClientMsgId).toList();
  }

  @Test
  @DisplayName("both directions of the pair, and nothing of other conversations, newest first")
  void wholeConversation() {
    List<Message> all = store.readConversation(APP, "bob", "alice", 0, Long.MAX_VALUE, 100);
    assertEquals(List.of("m9", "m8", "m7", "m6", "m5", "m4", "m3", "m2", "m1", "m0"), clientIds(all));
  }

  @Test
  @DisplayName("pages continue below the last id seen, without repeats or gaps")
  void paging() {
    List<String> seen = new ArrayList<>();
    long before = Long.MAX_VALUE;
    while (true) {
      List<Message> page = store.readConversation(APP, "alice", "bob", 0, before, 3);
      if (page.isEmpty()) {
        break;
      }
      seen.addAll(clientIds(page));
      before = page.get(page.size() - 1).getServerMsgId();
    }
    assertEquals(List.of("m9", "m8", "m7", "m6", "m5", "m4", "m3", "m2", "m1", "m0"), seen);
  }

  @Test
  @DisplayName("a lower bound stops the page at it (inclusive)")
  void lowerBound() {
    List<Message> page = store.readConversation(APP, "alice", "bob", ids.get(7), Long.MAX_VALUE, 100);
    assertEquals(List.of("m9", "m8", "m7"), clientIds(page));
  }

  @Test
  @DisplayName("an empty id range is an empty page")
  void emptyRange() {
    assertTrue(store.readConversation(APP, "alice", "bob", ids.get(5), ids.get(5), 10).isEmpty());
  }

  @Test
  @DisplayName("a limit of 0 is an empty page")
  void zeroLimit() {
    assertTrue(store.readConversation(APP, "alice", "bob", 0, Long.MAX_VALUE, 0).isEmpty());
  }

  @Test
  @DisplayName("a pair that never talked is an empty page")
  void unknownPair() {
    assertTrue(store.readConversation(APP, "alice", "nobody", 0, Long.MAX_VALUE, 10).isEmpty());
  }

  @Test
  @DisplayName("nothing comes before the first message")
  void beforeTheFirst() {
    assertTrue(store.readConversation(APP, "alice", "bob", 0, ids.get(0), 10).isEmpty());
  }
}
