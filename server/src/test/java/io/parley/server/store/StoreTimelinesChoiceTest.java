package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: which timelines a message enters (REST sync options and imports); history always has it")
class StoreTimelinesChoiceTest {
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

  private AppendResult append(String from, String to, String id, AppendRequest.Timelines timelines) {
    return await(store.writer().append(new AppendRequest(APP, from, "rest", to, id, "", ByteString.EMPTY,
        List.of(io.parley.client.Elements.text(id)), "", timelines)));
  }

  private int history(String a, String b) {
    return store.readConversation(APP, a, b, 0, Long.MAX_VALUE, 100).size();
  }

  @Test
  @DisplayName("BOTH: an entry in the sender's and the recipient's timeline")
  void both() {
    AppendResult r = append("alice", "bob", "m1", AppendRequest.Timelines.BOTH);
    assertEquals(1, store.newestSeq(APP, "alice"));
    assertEquals(1, store.newestSeq(APP, "bob"));
    assertEquals(1, r.senderSeq());
    assertEquals(1, history("alice", "bob"));
  }

  @Test
  @DisplayName("RECIPIENT: the recipient's timeline only, the sender's devices are not told")
  void recipientOnly() {
    AppendResult r = append("alice", "bob", "m1", AppendRequest.Timelines.RECIPIENT);
    assertEquals(0, store.newestSeq(APP, "alice"));
    assertEquals(1, store.newestSeq(APP, "bob"));
    assertEquals(0, r.senderSeq());
    assertNull(r.senderEntry());
    assertEquals(1, r.recipientEntry().getSeq());
    assertEquals(1, history("alice", "bob"));
  }

  @Test
  @DisplayName("NONE: no timeline, nobody is pushed it, but the history has it")
  void none() {
    AppendResult r = append("alice", "bob", "m1", AppendRequest.Timelines.NONE);
    assertEquals(0, store.newestSeq(APP, "alice"));
    assertEquals(0, store.newestSeq(APP, "bob"));
    assertNull(r.senderEntry());
    assertNull(r.recipientEntry());
    assertEquals(1, history("alice", "bob"));
  }

  @Test
  @DisplayName("a note to self under BOTH gets one entry, the sender's and the recipient's at once")
  void selfSendBoth() {
    AppendResult both = append("carol", "carol", "n1", AppendRequest.Timelines.BOTH);
    assertSame(both.senderEntry(), both.recipientEntry());
    assertEquals(1, store.newestSeq(APP, "carol"));
  }

  @Test
  @DisplayName("a note to self under RECIPIENT gets one entry too")
  void selfSendRecipient() {
    AppendResult recipient = append("carol", "carol", "n1", AppendRequest.Timelines.RECIPIENT);
    assertEquals(1, recipient.recipientEntry().getSeq());
    assertEquals(1, store.newestSeq(APP, "carol"));
  }
}
