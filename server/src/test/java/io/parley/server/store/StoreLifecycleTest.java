package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.recipientSeq;
import static io.parley.server.store.Fixtures.request;
import static io.parley.server.store.Fixtures.senderSeq;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.TimelineEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

@DisplayName("Store: restart, overload, close and failed writes")
class StoreLifecycleTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("after reopening, numbering continues from the stored newest seq and old messages are still there")
  void reopenContinuesNumbering() {
    long lastId;
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      for (int i = 1; i <= 3; i++) {
        await(store.writer().append(request("alice", "bob", "before" + i)));
      }
      lastId = await(store.writer().append(request("bob", "bob", "self"))).serverMsgId();
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(4, store.newestSeq(APP, "bob"));
      assertEquals(3, store.newestSeq(APP, "alice"));
      AppendResult next = await(store.writer().append(request("alice", "bob", "after")));
      assertEquals(4, senderSeq(next));
      assertEquals(5, recipientSeq(next));
      assertTrue(next.serverMsgId() > lastId, "server msg ids keep increasing across restarts");
      List<TimelineEntry> bob = store.readTimeline(APP, "bob", 0, 100);
      assertEquals(List.of(1L, 2L, 3L, 4L, 5L), bob.stream().map(TimelineEntry::getSeq).toList());
      assertEquals(List.of("before1", "before2", "before3", "self", "after"),
          bob.stream().map(e -> e.getMessage().getClientMsgId()).toList());
    }
  }

  @Test
  @DisplayName("when the queue is full, extra appends fail at once with StoreOverloadedException; queued ones complete later")
  void overload() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingWriter();
    StoreOptions options = StoreOptions.defaults().withMaxQueuedAppends(2);
    try (Store store = Store.open(dir, options, gate, gate::wrap)) {
      CompletableFuture<AppendResult> inFlight = store.writer().append(request("alice", "bob", "m0"));
      gate.awaitHeld();
      CompletableFuture<AppendResult> queued1 = store.writer().append(request("alice", "bob", "m1"));
      CompletableFuture<AppendResult> queued2 = store.writer().append(request("alice", "bob", "m2"));
      CompletableFuture<AppendResult> refused = store.writer().append(request("alice", "bob", "m3"));

      assertTrue(refused.isDone(), "an overloaded append fails without waiting");
      ExecutionException e = assertThrows(ExecutionException.class, refused::get);
      assertInstanceOf(StoreOverloadedException.class, e.getCause());
      assertFalse(queued1.isDone());
      assertFalse(queued2.isDone());

      gate.open();
      assertEquals(1, recipientSeq(await(inFlight)));
      assertEquals(2, recipientSeq(await(queued1)));
      assertEquals(3, recipientSeq(await(queued2)));
      assertEquals(4, recipientSeq(await(store.writer().append(request("alice", "bob", "m3")))));
    }
  }

  @Test
  @DisplayName("close writes everything already queued, and appends that arrive once it has begun are refused")
  void closeDrainsTheQueue() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingWriter();
    Store store = Store.open(dir, StoreOptions.defaults(), gate, gate::wrap);
    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
    futures.add(store.writer().append(request("alice", "bob", "m0")));
    gate.awaitHeld();
    for (int i = 1; i <= 100; i++) {
      futures.add(store.writer().append(request("alice", "bob", "m" + i)));
    }
    Thread closer = new Thread(store::close, "test-closer");
    closer.start();
    // Once close has begun, new appends are refused; only then let the writer go on.
    await().atMost(Fixtures.TIMEOUT).until(() -> store.writer().append(request("x", "y", "probe"))
        .handle((r, t) -> t instanceof StoreClosedException).join());
    assertTrue(futures.stream().skip(1).noneMatch(CompletableFuture::isDone), "still queued when close began");
    gate.open();
    closer.join();

    for (int i = 0; i < futures.size(); i++) {
      assertEquals(i + 1, recipientSeq(await(futures.get(i))));
    }
    try (Store reopened = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(101, reopened.readTimeline(APP, "bob", 0, 1_000).size());
      assertEquals(0, reopened.newestSeq(APP, "y"), "the refused probes stored nothing");
    }
  }

  @Test
  @DisplayName("after close, an append fails with StoreClosedException")
  void appendAfterClose() {
    Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    store.close();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> store.writer().append(request("alice", "bob", "late")).get());
    assertInstanceOf(StoreClosedException.class, e.getCause());
  }

  @Test
  @DisplayName("after close, a cursor save throws StoreClosedException")
  void cursorAfterClose() {
    Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    store.close();
    assertThrows(StoreClosedException.class, () -> store.writer().saveCursor(APP, "bob", "d", 1));
  }

  @Test
  @DisplayName("after close, a read throws StoreClosedException")
  void readAfterClose() {
    Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    store.close();
    assertThrows(StoreClosedException.class, () -> store.newestSeq(APP, "bob"));
  }

  @Test
  @DisplayName("closing twice is harmless")
  void closeIsIdempotent() {
    Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    store.close();
    store.close();
    try (Store reopened = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(0, reopened.newestSeq(APP, "bob"));
    }
  }

  @Test
  @DisplayName("a failed batch write fails its appends and leaves no gap in the seqs")
  void failedWriteLeavesNoGap() {
    AtomicInteger writes = new AtomicInteger();
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE,
        Fixtures.failingWrite(writes, 2))) {
      assertEquals(1, recipientSeq(await(store.writer().append(request("alice", "bob", "m1")))));
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> store.writer().append(request("alice", "bob", "m2")).get());
      assertInstanceOf(RocksDBException.class, e.getCause());
      AppendResult retried = await(store.writer().append(request("alice", "bob", "m2")));
      assertFalse(retried.duplicate(), "the failed attempt left no dedup record");
      assertEquals(2, recipientSeq(retried));
      assertEquals(2, senderSeq(retried));
      assertEquals(List.of(1L, 2L), store.readTimeline(APP, "bob", 0, 100).stream()
          .map(TimelineEntry::getSeq).toList());
    }
  }
}
