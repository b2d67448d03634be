package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.TIMEOUT;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.recipientSeq;
import static io.parley.server.store.Fixtures.request;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: the completer thread answers written batches")
class StoreCompleterTest {

  private static final String COMPLETER = "parley-store-completer";

  @TempDir
  Path dir;

  @Test
  @DisplayName("a slow listener does not hold the writer; listener and futures run on the completer, in commit order")
  void writerGoesOnWhileCompleterIsHeld() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingCompleter();
    List<String> threads = new CopyOnWriteArrayList<>();
    List<Long> completed = new CopyOnWriteArrayList<>();
    CommitListener listener = batch -> {
      threads.add(Thread.currentThread().getName());
      gate.committed(batch);
    };
    try (Store store = Store.open(dir, StoreOptions.defaults(), listener)) {
      List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        CompletableFuture<AppendResult> future = store.writer().append(request("alice", "bob", "m" + i));
        future.thenAccept(r -> {
          threads.add(Thread.currentThread().getName());
          completed.add(r.serverMsgId());
        });
        futures.add(future);
        if (i == 0) {
          gate.awaitHeld();
        }
      }
      // Written and readable while the completer is still held in the first batch's listener call.
      await().atMost(TIMEOUT).until(() -> store.newestSeq(APP, "bob") == 4);
      assertEquals(4, store.stats().appends());
      assertTrue(futures.stream().noneMatch(CompletableFuture::isDone), "answered before the listener ran");

      gate.open();
      // Wait on the callbacks, not on the futures: a thread blocked in get() may itself run a future's
      // dependents once it wakes (CompletableFuture.postComplete), which is not what this test is about.
      await().atMost(TIMEOUT).until(() -> completed.size() == 4);
      List<Long> ids = Fixtures.awaitAll(futures).stream().map(AppendResult::serverMsgId).toList();
      assertEquals(ids, completed, "futures complete in commit order");
      assertEquals(ids, gate.batches.stream().flatMap(List::stream).map(AppendResult::serverMsgId).toList());
      assertTrue(threads.stream().allMatch(COMPLETER::equals), threads.toString());
    }
  }

  @Test
  @DisplayName("when the completer falls behind, the writer stops after a few batches and extra appends are refused")
  void boundedHandOff() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingCompleter();
    StoreOptions options = StoreOptions.defaults().withMaxBatch(1).withMaxQueuedAppends(1);
    try (Store store = Store.open(dir, options, gate)) {
      List<CompletableFuture<AppendResult>> accepted = new ArrayList<>();
      accepted.add(store.writer().append(request("alice", "bob", "m0")));
      gate.awaitHeld();
      // m0 is in the listener, m1..m4 wait for the completer, m5 holds the writer in the hand-off, m6 is queued.
      for (int i = 1; i <= 6; i++) {
        accepted.add(appendWhenAccepted(store, request("alice", "bob", "m" + i)));
      }
      await().atMost(TIMEOUT).until(() -> store.stats().batches() == 6);
      Thread.sleep(200);
      assertEquals(6, store.stats().batches(), "the writer took more than the hand-off can hold");
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> store.writer().append(request("alice", "bob", "m7")).get());
      assertInstanceOf(StoreOverloadedException.class, e.getCause());
      assertTrue(accepted.stream().noneMatch(CompletableFuture::isDone));

      gate.open();
      for (int i = 0; i < accepted.size(); i++) {
        assertEquals(i + 1, recipientSeq(await(accepted.get(i))));
      }
      assertEquals(8, recipientSeq(await(store.writer().append(request("alice", "bob", "m7")))));
    }
  }

  @Test
  @DisplayName("close waits until the completer has answered every written batch")
  void closeDrainsTheCompleter() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingCompleter();
    Store store = Store.open(dir, StoreOptions.defaults(), gate);
    List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
    futures.add(store.writer().append(request("alice", "bob", "m0")));
    gate.awaitHeld();
    for (int i = 1; i <= 100; i++) {
      futures.add(store.writer().append(request("alice", "bob", "m" + i)));
    }
    Thread closer = new Thread(store::close, "test-closer");
    closer.start();
    await().atMost(TIMEOUT).until(() -> store.writer().append(request("x", "y", "probe"))
        .handle((r, t) -> t instanceof StoreClosedException).join());
    assertTrue(futures.stream().noneMatch(CompletableFuture::isDone));
    assertTrue(closer.isAlive(), "close returned while the completer was held");
    gate.open();
    closer.join();

    assertTrue(futures.stream().allMatch(CompletableFuture::isDone), "close returned before every answer");
    for (int i = 0; i < futures.size(); i++) {
      assertEquals(i + 1, recipientSeq(await(futures.get(i))));
    }
    assertEquals(101, gate.batches.stream().mapToInt(List::size).sum());
    try (Store reopened = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertEquals(101, reopened.readTimeline(APP, "bob", 0, 1_000).size());
    }
  }

  @Test
  @DisplayName("close from a listener or a future callback fails instead of waiting for itself")
  void closeFromStoreThreadFails() {
    AtomicReference<Store> self = new AtomicReference<>();
    CompletableFuture<Throwable> fromListener = new CompletableFuture<>();
    CountDownLatch callbackAttached = new CountDownLatch(1);
    CommitListener listener = batch -> {
      try {
        // Keeps the future pending until the test's callback is attached, so the callback runs here too.
        callbackAttached.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        self.get().close();
      } catch (RuntimeException e) {
        fromListener.complete(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (Store store = Store.open(dir, StoreOptions.defaults(), listener)) {
      self.set(store);
      CompletableFuture<AppendResult> append = store.writer().append(request("alice", "bob", "m1"));
      CompletableFuture<Void> fromCallback = append.thenRun(store::close);
      callbackAttached.countDown();
      assertInstanceOf(IllegalStateException.class, await(fromListener));
      ExecutionException e = assertThrows(ExecutionException.class, fromCallback::get);
      assertInstanceOf(IllegalStateException.class, e.getCause());
      assertFalse(await(append).duplicate());
      assertEquals(1, store.newestSeq(APP, "bob"));
    }
  }

  /** Retries while the store reports overload, so the append waits for room rather than racing the writer. */
  private static CompletableFuture<AppendResult> appendWhenAccepted(Store store, AppendRequest request)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      CompletableFuture<AppendResult> future = store.writer().append(request);
      boolean refused = future.isCompletedExceptionally()
          && future.handle((r, t) -> t instanceof StoreOverloadedException).join();
      if (!refused) {
        return future;
      }
      assertTrue(System.nanoTime() < deadline, "never accepted: " + request.dedupKey());
      Thread.sleep(1);
    }
  }
}
