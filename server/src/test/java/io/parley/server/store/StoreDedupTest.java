package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static io.parley.server.store.Fixtures.recipientEntry;
import static io.parley.server.store.Fixtures.recipientSeq;
import static io.parley.server.store.Fixtures.request;
import static io.parley.server.store.Fixtures.senderEntry;
import static io.parley.server.store.Fixtures.senderSeq;
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
  @DisplayName("a retry in the same batch as its original gets the original ids and seqs, and the listener sees the original only")
  void retryInTheSameBatch() throws Exception {
    Fixtures.Gate gate = Fixtures.Gate.holdingWriter();
    try (Store store = Store.open(dir, StoreOptions.defaults(), gate, gate::wrap)) {
      // Hold the writer so that the original and its retry are taken into one batch.
      CompletableFuture<AppendResult> held = store.writer().append(request("alice", "carol", "hold"));
      gate.awaitHeld();
      CompletableFuture<AppendResult> first = store.writer().append(request("alice", "bob", "m1"));
      CompletableFuture<AppendResult> sameBatch = store.writer().append(request("alice", "bob", "m1"));
      gate.open();
      AppendResult original = await(first);
      await(held);
      assertFalse(original.duplicate());
      assertEquals(2, senderSeq(original));
      assertEquals(1, recipientSeq(original));
      assertDuplicateOf(original, await(sameBatch));
      assertEquals(2, gate.batches.size(), "the retry rode in the same batch as the original");
      assertEquals(1, gate.batches.get(1).size(), "listener saw the original only");
      assertEquals(2, store.stats().batches());
      assertEquals(1, store.readTimeline(APP, "bob", 0, 100).size());
    }
  }

  @Test
  @DisplayName("a retry in a later batch gets the original ids and seqs, adds no timeline entry and counts as a duplicate")
  void retryInALaterBatch() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult original = await(store.writer().append(request("alice", "bob", "m1")));
      assertDuplicateOf(original, await(store.writer().append(request("alice", "bob", "m1"))));
      assertEquals(1, store.readTimeline(APP, "bob", 0, 100).size());
      assertEquals(1, store.readTimeline(APP, "alice", 0, 100).size());
      assertEquals(1, store.stats().duplicates());
    }
  }

  @Test
  @DisplayName("a retry after the store is reopened gets the original ids and seqs and adds no timeline entry")
  void retryAfterReopen() {
    AppendResult original;
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      original = await(store.writer().append(request("alice", "bob", "m1")));
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertDuplicateOf(original, await(store.writer().append(request("alice", "bob", "m1"))));
      assertEquals(1, store.readTimeline(APP, "bob", 0, 100).size());
      assertEquals(1, store.readTimeline(APP, "alice", 0, 100).size());
    }
  }

  @Test
  @DisplayName("a retry of a message to oneself gets its one seq back")
  void retryOfASelfSend() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult original = await(store.writer().append(request("alice", "alice", "note")));
      assertDuplicateOf(original, await(store.writer().append(request("alice", "alice", "note"))));
      assertEquals(1, store.newestSeq(APP, "alice"));
    }
  }

  @Test
  @DisplayName("the same client msg id from another sender is a different message")
  void anotherSendersId() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      await(store.writer().append(request("alice", "bob", "m1")));
      AppendResult other = await(store.writer().append(request("carol", "bob", "m1")));
      assertFalse(other.duplicate());
      assertEquals(2, recipientSeq(other));
      assertEquals(2, store.readTimeline(APP, "bob", 0, 100).size());
    }
  }

  private static void assertDuplicateOf(AppendResult original, AppendResult retry) {
    assertTrue(retry.duplicate());
    assertEquals(original.serverMsgId(), retry.serverMsgId());
    assertEquals(senderSeq(original), senderSeq(retry));
    assertEquals(recipientSeq(original), recipientSeq(retry));
    assertEquals(original.serverTimeMs(), retry.serverTimeMs());
    assertNull(senderEntry(retry));
    assertNull(recipientEntry(retry));
  }
}
