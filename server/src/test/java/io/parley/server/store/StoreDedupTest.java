package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: idempotent appends by client msg id")
class StoreDedupTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a repeated client msg id gets the original ids and seqs and stores nothing, in the same batch, a later batch and after reopen")
  void duplicates() throws Exception {
    AppendResult original;
    Fixtures.Gate gate = Fixtures.Gate.holdingWriter();
    try (Store store = Store.open(dir, StoreOptions.defaults(), gate, gate::wrap)) {
      // Hold the writer so that the original and its retry are taken into one batch.
      CompletableFuture<AppendResult> held = store.writer().append(request("alice", "carol", "hold"));
      gate.awaitHeld();
      CompletableFuture<AppendResult> first = store.writer().append(request("alice", "bob", "m1"));
      CompletableFuture<AppendResult> sameBatch = store.writer().append(request("alice", "bob", "m1"));
      gate.open();
      original = await(first);
      await(held);
      assertFalse(original.duplicate());
      assertEquals(2, original.senderSeq());
      assertEquals(1, original.recipientSeq());
      assertDuplicateOf(original, await(sameBatch));
      assertEquals(2, gate.batches.size(), "the retry rode in the same batch as the original");
      assertEquals(1, gate.batches.get(1).size(), "listener saw the original only");
      assertEquals(2, store.stats().batches());

      assertDuplicateOf(original, await(store.writer().append(request("alice", "bob", "m1"))));
      assertEquals(1, store.readTimeline(APP, "bob", 0, 100).size());
      assertEquals(2, store.readTimeline(APP, "alice", 0, 100).size());
      assertEquals(2, store.stats().duplicates());
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertDuplicateOf(original, await(store.writer().append(request("alice", "bob", "m1"))));
      assertEquals(1, store.readTimeline(APP, "bob", 0, 100).size());
      assertEquals(2, store.readTimeline(APP, "alice", 0, 100).size());
      // The same client msg id from another sender is a different message.
      AppendResult other = await(store.writer().append(request("carol", "bob", "m1")));
      assertFalse(other.duplicate());
      assertEquals(2, other.recipientSeq());
    }
  }

  private static void assertDuplicateOf(AppendResult original, AppendResult retry) {
    assertTrue(retry.duplicate());
    assertEquals(original.serverMsgId(), retry.serverMsgId());
    assertEquals(original.senderSeq(), retry.senderSeq());
    assertEquals(original.recipientSeq(), retry.recipientSeq());
    assertEquals(original.serverTimeMs(), retry.serverTimeMs());
    assertNull(retry.senderEntry());
    assertNull(retry.recipientEntry());
  }
}
