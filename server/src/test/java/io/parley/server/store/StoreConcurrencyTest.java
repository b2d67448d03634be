package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.awaitAll;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.TimelineEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: many threads appending at once")
class StoreConcurrencyTest {

  private static final int THREADS = 8;
  private static final int PER_THREAD = 2_000;
  private static final int USERS = 12;

  @TempDir
  Path dir;

  @Test
  @DisplayName("every user's timeline is exactly 1..N and every result's seqs point at its own entries")
  void gapFreeUnderConcurrency() throws Exception {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      List<AppendResult> results = awaitAll(appendConcurrently(store, THREADS, PER_THREAD));

      Map<String, List<TimelineEntry>> timelines = new HashMap<>();
      long entries = 0;
      for (int u = 0; u < USERS; u++) {
        String user = "user" + u;
        List<TimelineEntry> timeline = store.readTimeline(APP, user, 0, Integer.MAX_VALUE);
        for (int i = 0; i < timeline.size(); i++) {
          assertEquals(i + 1, timeline.get(i).getSeq(), user + " has a gap or a repeat");
        }
        assertEquals(timeline.size(), store.newestSeq(APP, user));
        timelines.put(user, timeline);
        entries += timeline.size();
      }
      long expectedEntries = 0;
      for (AppendResult result : results) {
        for (Delivery d : result.deliveries()) {
          TimelineEntry entry = timelines.get(d.userId()).get((int) d.seq() - 1);
          assertEquals(result.serverMsgId(), entry.getMessage().getServerMsgId());
          assertEquals(result.request().dedupKey(), entry.getMessage().getClientMsgId());
        }
        expectedEntries += result.deliveries().size();
      }
      assertEquals(expectedEntries, entries, "no entry is missing or extra");
      assertEquals(THREADS * PER_THREAD, results.stream().mapToLong(AppendResult::serverMsgId).distinct().count());
    }
  }

  @Test
  @DisplayName("appends that arrive while the writer is busy are committed together in one batch")
  void groupCommit() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingWriter();
    try (Store store = Store.open(dir, StoreOptions.defaults(), gate, gate::wrap)) {
      List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
      futures.add(store.writer().append(request("alice", "bob", "first")));
      gate.awaitHeld();
      futures.addAll(appendConcurrently(store, 4, 250));
      gate.open();
      awaitAll(futures);

      StoreStats stats = store.stats();
      assertEquals(1_001, stats.appends());
      assertTrue(stats.batches() < stats.appends(), "batches " + stats.batches());
      // The writer was held while the 1,000 queued up, so they fit in ceil(1000 / 2048) = 1 more batch.
      assertEquals(2, stats.batches());
      assertEquals(2, stats.syncs());
      assertEquals(1_001, gate.batches.stream().mapToInt(List::size).sum());
    }
  }

  /** Appends from {@code threads} threads between {@value #USERS} overlapping users; returns once all are queued. */
  private static List<CompletableFuture<AppendResult>> appendConcurrently(Store store, int threads, int perThread)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<CompletableFuture<AppendResult>>>> submitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        submitted.add(pool.submit(() -> {
          Random random = new Random(thread);
          List<CompletableFuture<AppendResult>> futures = new ArrayList<>(perThread);
          for (int i = 0; i < perThread; i++) {
            String from = "user" + random.nextInt(USERS);
            String to = "user" + random.nextInt(USERS);
            futures.add(store.writer().append(request(from, to, "t" + thread + "-" + i)));
          }
          return futures;
        }));
      }
      List<CompletableFuture<AppendResult>> all = new ArrayList<>();
      for (Future<List<CompletableFuture<AppendResult>>> f : submitted) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }
}
