package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.recipientEntry;
import static io.parley.server.store.Fixtures.request;
import static io.parley.server.store.Fixtures.senderEntry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

@DisplayName("Store: on-disk layout (each message stored once, timelines refer to it)")
class StoreLayoutTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a timeline value is its message's key, and after reopen reads rebuild the full entries from it")
  void timelinesReferToTheStoredMessage() throws Exception {
    List<AppendResult> results = new ArrayList<>();
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      results.add(await(store.writer().append(request("alice", "bob", "m1"))));
      results.add(await(store.writer().append(request("bob", "alice", "m2"))));
      results.add(await(store.writer().append(request("bob", "bob", "note"))));
    }
    try (Database db = Database.open(dir, SyncPolicy.FSYNC)) {
      AppendResult first = results.get(0);
      byte[] messageKey = Keys.c2cMessage(APP, "alice", "bob", first.serverMsgId());
      assertArrayEquals(messageKey, db.get(db.timelines(), Keys.timeline(APP, "alice", 1)));
      assertArrayEquals(messageKey, db.get(db.timelines(), Keys.timeline(APP, "bob", 1)));
      assertEquals(senderEntry(first).getMessage(), Message.parseFrom(db.get(db.messages(), messageKey)));
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      List<TimelineEntry> bob = store.readTimeline(APP, "bob", 0, 100);
      List<TimelineEntry> alice = store.readTimeline(APP, "alice", 0, 100);
      assertEquals(List.of(recipientEntry(results.get(0)), senderEntry(results.get(1)),
          senderEntry(results.get(2))), bob);
      assertEquals(List.of(senderEntry(results.get(0)), recipientEntry(results.get(1))), alice);
      assertEquals(List.of(senderEntry(results.get(2))), store.readTimeline(APP, "bob", 2, 100));
      assertTrue(bob.get(0).getMessage().getContent().toStringUtf8().startsWith("hello bob"));
    }
  }

  @Test
  @DisplayName("a store in the old layout, whose timelines hold message copies, is refused at open")
  void refusesOldLayout() throws Exception {
    try (Options options = new Options().setCreateIfMissing(true);
       RocksDB old = RocksDB.open(options, dir.toString())) {
      old.put(Database.LAST_SERVER_MSG_ID, Keys.longBytes(42));
    }
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Store.open(dir, StoreOptions.defaults(), CommitListener.NONE));
    assertTrue(e.getCause().getCause().getMessage().contains("layout version 1"), e.toString());
  }
}
