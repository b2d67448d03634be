package io.parley.server.store;

import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.awaitAll;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CommitListener")
class CommitListenerTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("sees every stored append exactly once, batch by batch in commit order, before its future completes, and no duplicates")
  void commitOrderAndContents() {
    List<List<AppendResult>> batches = new CopyOnWriteArrayList<>();
    Set<Long> announced = ConcurrentHashMap.newKeySet();
    AtomicInteger completedBeforeAnnounced = new AtomicInteger();
    CommitListener listener = batch -> {
      batches.add(batch);
      batch.forEach(r -> announced.add(r.serverMsgId()));
    };
    try (Store store = Store.open(dir, StoreOptions.defaults().withMaxBatch(64), listener)) {
      List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
      for (int i = 0; i < 1_000; i++) {
        // Every third append retries the one before it: a duplicate the listener must not see.
        int original = i % 3 == 2 ? i - 1 : i;
        String from = "user" + (original % 7);
        String to = "user" + (original % 5);
        CompletableFuture<AppendResult> future = store.writer().append(request(from, to, "m" + original));
        future.thenAccept(r -> {
          if (!r.duplicate() && !announced.contains(r.serverMsgId())) {
            completedBeforeAnnounced.incrementAndGet();
          }
        });
        futures.add(future);
      }
      List<AppendResult> results = awaitAll(futures);
      long lastId = await(store.writer().append(request("user0", "user1", "last"))).serverMsgId();

      assertEquals(0, completedBeforeAnnounced.get(), "a future completed before the listener saw it");
      List<AppendResult> seen = batches.stream().flatMap(List::stream).toList();
      assertFalse(batches.stream().anyMatch(List::isEmpty));
      assertTrue(seen.stream().noneMatch(AppendResult::duplicate));
      assertEquals(333, results.stream().filter(AppendResult::duplicate).count());
      // One producer thread, so commit order is submission order: the listener saw exactly the stored ones.
      List<Long> expected = new ArrayList<>(results.stream()
          .filter(r -> !r.duplicate()).map(AppendResult::serverMsgId).toList());
      expected.add(lastId);
      assertEquals(expected, seen.stream().map(AppendResult::serverMsgId).toList());

      // Commit order: server msg ids and every user's seqs strictly increase across the listener's batches.
      long previousId = 0;
      Map<String, Long> lastSeq = new HashMap<>();
      for (AppendResult r : seen) {
        assertTrue(r.serverMsgId() > previousId);
        previousId = r.serverMsgId();
        assertEquals(r.request().timelines().size(), r.deliveries().size(), "one delivery per listed timeline");
        for (Delivery d : r.deliveries()) {
          assertEquals(lastSeq.getOrDefault(d.userId(), 0L) + 1, d.seq());
          lastSeq.put(d.userId(), d.seq());
        }
      }
    }
  }
}
