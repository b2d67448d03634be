package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: an append enters exactly the timelines its request lists; the history always has it")
class StoreTimelinesTest {
  @TempDir Path dir;
  Store store;
  final List<AppendResult> committed = new ArrayList<>();

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), batch -> {
      synchronized (committed) {
        committed.addAll(batch);
      }
    });
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AppendResult append(String from, String to, String id, List<String> timelines) {
    return await(store.writer().append(request(from, to, id, timelines)));
  }

  private int history(String a, String b) {
    return store.readConversation(APP, a, b, 0, Long.MAX_VALUE, 100).size();
  }

  @Test
  @DisplayName("both parties listed: an entry in each timeline, in the listed order")
  void both() {
    AppendResult r = append("alice", "bob", "m1", List.of("alice", "bob"));
    assertEquals(List.of(new Delivery("alice", 1), new Delivery("bob", 1)), r.deliveries());
    assertEquals(1, store.newestSeq(APP, "alice"));
    assertEquals(1, store.newestSeq(APP, "bob"));
    assertEquals(1, history("alice", "bob"));
  }

  @Test
  @DisplayName("only the recipient listed: the sender's timeline gets nothing")
  void recipientOnly() {
    AppendResult r = append("alice", "bob", "m1", List.of("bob"));
    assertEquals(List.of(new Delivery("bob", 1)), r.deliveries());
    assertEquals(0, store.newestSeq(APP, "alice"));
    assertEquals(1, store.newestSeq(APP, "bob"));
    assertEquals(1, history("alice", "bob"));
  }

  @Test
  @DisplayName("no timeline listed: history only, no delivery")
  void none() {
    AppendResult r = append("alice", "bob", "m1", List.of());
    assertEquals(List.of(), r.deliveries());
    assertEquals(0, store.newestSeq(APP, "alice"));
    assertEquals(0, store.newestSeq(APP, "bob"));
    assertEquals(1, history("alice", "bob"));
  }

  @Test
  @DisplayName("the listener hears of a history-only append too, with no delivery")
  void listenerHearsHistoryOnly() {
    append("alice", "bob", "m1", List.of());
    synchronized (committed) {
      assertEquals(1, committed.size());
      assertEquals(List.of(), committed.get(0).deliveries());
    }
  }

  @Test
  @DisplayName("a note to self listed once gets one entry")
  void selfSend() {
    AppendResult r = append("carol", "carol", "n1", List.of("carol"));
    assertEquals(List.of(new Delivery("carol", 1)), r.deliveries());
    assertEquals(1, store.newestSeq(APP, "carol"));
  }
}
