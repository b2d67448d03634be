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
  @DisplayName("a device without a saved cursor reads 0")
  void noCursor() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(0, store.cursor(APP, "bob", "phone"));
    }
  }

  @Test
  @DisplayName("each device has its own cursor, and the highest of its pending saves wins")
  void perDeviceHighestWins() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      store.writer().saveCursor(APP, "bob", "phone", 5);
      store.writer().saveCursor(APP, "bob", "phone", 3);
      store.writer().saveCursor(APP, "bob", "tablet", 2);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "phone") == 5);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "tablet") == 2);
      assertEquals(0, store.cursor(APP, "alice", "phone"));
    }
  }

  @Test
  @DisplayName("a lower seq saved later never lowers a stored cursor")
  void neverMovesBack() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      store.writer().saveCursor(APP, "bob", "phone", 5);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "phone") == 5);
      store.writer().saveCursor(APP, "bob", "phone", 4);
      // Saves queued before an append are written no later than that append's batch.
      await(store.writer().append(request("alice", "bob", "barrier")));
      assertEquals(5, store.cursor(APP, "bob", "phone"));
    }
  }

  @Test
  @DisplayName("a cursor-only write does not fsync")
  void noFsyncOfItsOwn() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      await(store.writer().append(request("alice", "bob", "m1")));
      long syncs = store.stats().syncs();
      store.writer().saveCursor(APP, "bob", "phone", 5);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "phone") == 5);
      assertEquals(syncs, store.stats().syncs());
    }
  }

  @Test
  @DisplayName("close writes a pending save, and the cursor survives reopen")
  void survivesReopen() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      store.writer().saveCursor(APP, "bob", "phone", 9);
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(9, store.cursor(APP, "bob", "phone"));
    }
  }

  @Test
  @DisplayName("a negative seq is rejected with IllegalArgumentException")
  void rejectsNegativeSeq() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertThrows(IllegalArgumentException.class, () -> store.writer().saveCursor(APP, "bob", "phone", -1));
    }
  }

  @Test
  @DisplayName("an empty device id is rejected with IllegalArgumentException")
  void rejectsEmptyDevice() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
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

  @Test
  @DisplayName("a member's group cursor is its own: apart from its devices' cursors and from other groups")
  void groupCursorsApart() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      store.writer().saveGroupCursor(APP, "bob", "g1", 7);
      store.writer().saveGroupCursor(APP, "bob", "g1", 4);
      store.writer().saveCursor(APP, "bob", "phone", 2);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.groupCursor(APP, "bob", "g1") == 7);
      Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> store.cursor(APP, "bob", "phone") == 2);
      assertEquals(0, store.groupCursor(APP, "bob", "g2"));
      assertEquals(0, store.groupCursor(APP, "alice", "g1"));
    }
  }

  @Test
  @DisplayName("a group cursor survives reopen")
  void groupCursorSurvivesReopen() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      store.writer().saveGroupCursor(APP, "bob", "g1", 9);
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(9, store.groupCursor(APP, "bob", "g1"));
    }
  }
}
