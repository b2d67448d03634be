package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: per-device cursors")
class StoreCursorTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a cursor only moves forward, is written without an fsync of its own, and survives reopen")
  void monotonicAndDurable() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      MessageWriter writer = store.writer();
      assertEquals(0, store.cursor(APP, "bob", "phone"));
      await(writer.append(request("alice", "bob", "m1")));
      long syncs = store.stats().syncs();

      writer.saveCursor(APP, "bob", "phone", 5);
      writer.saveCursor(APP, "bob", "phone", 3);
      writer.saveCursor(APP, "bob", "tablet", 2);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "phone") == 5);
      assertEquals(2, store.cursor(APP, "bob", "tablet"));
      assertEquals(syncs, store.stats().syncs(), "cursor-only writes do not fsync");

      writer.saveCursor(APP, "bob", "phone", 4);
      // Saves queued before an append are written no later than that append's batch.
      await(writer.append(request("alice", "bob", "barrier")));
      assertEquals(5, store.cursor(APP, "bob", "phone"), "a lower seq never lowers a stored cursor");

      writer.saveCursor(APP, "bob", "phone", 9);
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(9, store.cursor(APP, "bob", "phone"), "close wrote the pending save");
      assertEquals(2, store.cursor(APP, "bob", "tablet"));
      assertEquals(0, store.cursor(APP, "alice", "phone"));
      assertThrows(IllegalArgumentException.class, () -> store.writer().saveCursor(APP, "bob", "phone", -1));
      assertThrows(IllegalArgumentException.class, () -> store.writer().saveCursor(APP, "bob", "", 1));
    }
  }

  @Test
  @DisplayName("a cursor whose batch failed to write is written by a later batch")
  void failedCursorWriteIsRetried() {
    AtomicInteger writes = new AtomicInteger();
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE,
        Fixtures.failingWrite(writes, 1))) {
      store.writer().saveCursor(APP, "bob", "phone", 5);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "phone") == 5);
      assertTrue(writes.get() >= 2, "the first write failed");
    }
  }
}
