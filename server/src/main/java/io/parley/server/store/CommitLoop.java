package io.parley.server.store;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.RecallNotice;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread: takes queued appends in batches, assigns server msg ids and per-user seqs, and writes each
 * batch as one WriteBatch with one WAL sync. What to store and whose timelines get it is the request's: the writer
 * builds no message and chooses no fan-out. Because only this thread assigns seqs, timelines are gap-free without
 * locks. Each written batch is then handed to a second thread, the completer, which tells the listener and completes
 * the futures in commit order while the writer already builds the next batch.
 */
final class CommitLoop implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(CommitLoop.class);
  private static final int MIN_SEQ_CACHE = 100_000;
  private static final int MIN_GROUP_CACHE = 10_000;
  /**
   * Written batches that may wait for the completer. Small, so memory stays bounded: when the completer falls this
   * far behind, the writer blocks, appends pile up in the submit queue and maxQueuedAppends refuses the excess.
   */
  private static final int MAX_WAITING_BATCHES = 4;

  /** An accepted append and the future that answers it. */
  record Pending(AppendRequest request, CompletableFuture<AppendResult> future) {
  }

  /** An accepted recall and the future that answers it. */
  record PendingRecall(RecallRequest request, CompletableFuture<RecallResult> future) {
  }

  /**
   * A batch the writer is done with, for the completer: either written ({@code results} answers {@code batch}
   * one to one, {@code stored} is the listener's share) or failed with {@code failure}.
   */
  private record Finished(List<Pending> batch, List<AppendResult> results, List<AppendResult> stored,
              List<PendingRecall> recalls, List<RecallResult> recallResults, Throwable failure) {
  }

  /** Tells the completer that the writer has stopped and nothing more will come. */
  private static final Finished END = new Finished(List.of(), List.of(), List.of(), List.of(), List.of(), null);

  private final Database db;
  private final BatchSink sink;
  private final StoreOptions options;
  private final CommitListener listener;
  private final SeqCounters seqs;
  private final GroupSeqs groupSeqs;
  /** Per group, the first seq kept in the group's timeline only; 0 while every event went to members' timelines. */
  private final NumberCache<GroupSeqs.Group> firstReadSeqs;
  /** Timeline entries after which a batch takes no more appends. */
  private final int entryBudget;
  private final ServerMsgIds ids;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  /** Recalls wait apart from appends (rare, another kind of work) and share their admission count. */
  private final ConcurrentLinkedQueue<PendingRecall> recallQueue = new ConcurrentLinkedQueue<>();
  private final RecallWriter recalls;
  /** Group messages recalled earlier in the current batch: not on disk yet, but already recalled. */
  private final Set<ByteBuffer> groupRecallsInBatch = new HashSet<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final PendingCursors cursors = new PendingCursors();
  /** The newest stored cursor per device, so that a cursor save (one per ack) costs no store read. */
  private final NumberCache<PendingCursors.Cursor> storedCursors;
  private final BlockingQueue<Finished> finished = new ArrayBlockingQueue<>(MAX_WAITING_BATCHES);
  private final Thread thread;
  private final Thread completer;

  private volatile boolean closing;
  private volatile boolean parked;

  // Written by the writer thread only; read by stats().
  private volatile long appends;
  private volatile long duplicates;
  private volatile long batches;
  private volatile long syncs;

  CommitLoop(Database db, BatchSink sink, StoreOptions options, CommitListener listener) throws RocksDBException {
    this.db = db;
    this.sink = sink;
    this.options = options;
    this.listener = listener;
    // A batch stops taking appends once it holds entryBudget timeline entries, so it touches at most that many
    // users plus one append's worth (MessageWriter.MAX_TIMELINES) plus two per recall. The caches hold twice as
    // many, so a counter touched in the current batch is never evicted (a reload would miss the unwritten batch).
    this.entryBudget = 4 * options.maxBatch();
    this.seqs = new SeqCounters(db, Math.max(MIN_SEQ_CACHE,
        2 * (entryBudget + MessageWriter.MAX_TIMELINES + 2 * options.maxBatch())));
    this.groupSeqs = new GroupSeqs(db, Math.max(MIN_GROUP_CACHE, 2 * options.maxBatch()));
    this.firstReadSeqs = new NumberCache<>(Math.max(MIN_GROUP_CACHE, 2 * options.maxBatch()),
        g -> db.getLong(db.cursors(), Keys.firstReadSeq(g.appId(), g.groupId())));
    this.storedCursors = new NumberCache<>(MIN_SEQ_CACHE,
        cursor -> db.getLong(db.cursors(), cursor.key()));
    this.ids = new ServerMsgIds(db.getLong(db.defaultCf(), Database.LAST_SERVER_MSG_ID));
    this.recalls = new RecallWriter(db, seqs);
    this.thread = new Thread(this, "parley-store-writer");
    this.thread.setDaemon(true);
    this.completer = new Thread(this::completeBatches, "parley-store-completer");
    this.completer.setDaemon(true);
  }

  void start() {
    completer.start();
    thread.start();
  }

  /** True on the writer or the completer thread, where listeners and future callbacks run. */
  boolean isStoreThread() {
    Thread current = Thread.currentThread();
    return current == thread || current == completer;
  }

  boolean isClosing() {
    return closing;
  }

  /** Admits an append unless the store is closing or full; never blocks. */
  CompletableFuture<AppendResult> submit(AppendRequest request) {
    if (closing) {
      return CompletableFuture.failedFuture(new StoreClosedException());
    }
    if (queued.incrementAndGet() > options.maxQueuedAppends()) {
      queued.decrementAndGet();
      return CompletableFuture.failedFuture(new StoreOverloadedException(options.maxQueuedAppends()));
    }
    Pending pending = new Pending(request, new CompletableFuture<>());
    queue.offer(pending);
    wake();
    if (closing && queue.remove(pending)) {
      // close() raced with us and the writer may already have stopped: nobody else will answer it.
      queued.decrementAndGet();
      pending.future().completeExceptionally(new StoreClosedException());
    }
    return pending.future();
  }

  /** Admits a recall unless the store is closing or full; never blocks. */
  CompletableFuture<RecallResult> submitRecall(RecallRequest request) {
    if (closing) {
      return CompletableFuture.failedFuture(new StoreClosedException());
    }
    if (queued.incrementAndGet() > options.maxQueuedAppends()) {
      queued.decrementAndGet();
      return CompletableFuture.failedFuture(new StoreOverloadedException(options.maxQueuedAppends()));
    }
    PendingRecall pending = new PendingRecall(request, new CompletableFuture<>());
    recallQueue.offer(pending);
    wake();
    if (closing && recallQueue.remove(pending)) {
      queued.decrementAndGet();
      pending.future().completeExceptionally(new StoreClosedException());
    }
    return pending.future();
  }

  void saveCursor(PendingCursors.Cursor device, long seq) {
    if (closing) {
      throw new StoreClosedException();
    }
    cursors.save(device, seq);
    wake();
  }

  StoreStats stats() {
    return new StoreStats(appends, duplicates, batches, syncs);
  }

  /**
   * Stops taking appends, lets the writer drain the queue and pending cursors and the completer answer every written
   * batch, and waits for both to finish.
   */
  void shutdown() {
    closing = true;
    LockSupport.unpark(thread);
    boolean interrupted = join(thread);
    failRemaining(new StoreClosedException());
    // The writer hands over END as it stops, so the completer ends once it has answered everything before it.
    interrupted |= join(completer);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the thread to end; true if this thread was interrupted meanwhile. */
  private static boolean join(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    return interrupted;
  }

  private void wake() {
    if (parked) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public void run() {
    // A fresh list per batch: a handed-over batch belongs to the completer.
    List<Pending> batch = new ArrayList<>();
    try {
      while (true) {
        Pending next = queue.poll();
        if (next != null) {
          batch.add(next);
          int entries = next.request().timelines().size();
          while (batch.size() < options.maxBatch() && entries < entryBudget && (next = queue.poll()) != null) {
            batch.add(next);
            entries += next.request().timelines().size();
          }
          queued.addAndGet(-batch.size());
          commit(batch);
          batch = new ArrayList<>();
        } else if (!cursors.isEmpty() || !recallQueue.isEmpty()) {
          commit(batch);
        } else if (closing) {
          if (queue.isEmpty() && recallQueue.isEmpty()) {
            return;
          }
        } else {
          park();
        }
      }
    } catch (Throwable t) {
      log.error("store writer stopped unexpectedly", t);
      closing = true;
      for (Pending pending : batch) {
        pending.future().completeExceptionally(t);
      }
      failRemaining(t);
    } finally {
      handOff(END);
    }
  }

  /** The completer thread: answers written batches one at a time, in the order the writer handed them over. */
  private void completeBatches() {
    while (true) {
      Finished done = takeFinished();
      if (done == END) {
        return;
      }
      try {
        answer(done);
      } catch (Throwable t) {
        // Keep going: a dead completer would block the writer for good once the hand-off queue is full.
        log.error("store completer failed to answer a batch", t);
      }
    }
  }

  private void answer(Finished done) {
    List<Pending> batch = done.batch();
    if (done.failure() != null) {
      for (Pending pending : batch) {
        pending.future().completeExceptionally(done.failure());
      }
      for (PendingRecall pending : done.recalls()) {
        pending.future().completeExceptionally(done.failure());
      }
      return;
    }
    if (!done.stored().isEmpty()) {
      notifyListener(done.stored());
    }
    List<RecallResult> recalled = done.recallResults().stream()
        .filter(r -> r.outcome() == RecallResult.Outcome.RECALLED).toList();
    if (!recalled.isEmpty()) {
      notifyRecalled(recalled);
    }
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).future().complete(done.results().get(i));
    }
    for (int i = 0; i < done.recalls().size(); i++) {
      done.recalls().get(i).future().complete(done.recallResults().get(i));
    }
  }

  /** Blocks while MAX_WAITING_BATCHES batches wait for the completer; this is the writer's back-pressure. */
  private void handOff(Finished done) {
    boolean interrupted = false;
    while (true) {
      try {
        finished.put(done);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private Finished takeFinished() {
    while (true) {
      try {
        return finished.take();
      } catch (InterruptedException e) {
        // Nobody interrupts the completer on purpose; it stops only at END so no batch goes unanswered.
      }
    }
  }

  private void park() {
    parked = true;
    // Re-check after announcing: a producer that missed 'parked' has already made its work visible.
    if (queue.isEmpty() && recallQueue.isEmpty() && cursors.isEmpty() && !closing) {
      LockSupport.park(this);
    }
    parked = false;
  }

  private void failRemaining(Throwable cause) {
    Pending pending;
    while ((pending = queue.poll()) != null) {
      queued.decrementAndGet();
      pending.future().completeExceptionally(cause);
    }
    PendingRecall recall;
    while ((recall = recallQueue.poll()) != null) {
      queued.decrementAndGet();
      recall.future().completeExceptionally(cause);
    }
  }

  /** Takes up to a batch's worth of queued recalls. */
  private List<PendingRecall> drainRecalls() {
    List<PendingRecall> out = new ArrayList<>(0);
    PendingRecall next;
    while (out.size() < options.maxBatch() && (next = recallQueue.poll()) != null) {
      out.add(next);
    }
    queued.addAndGet(-out.size());
    return out;
  }

  /** Writes one batch (possibly only cursors) and hands its appends to the completer. */
  private void commit(List<Pending> batch) {
    long now = System.currentTimeMillis();
    List<AppendResult> results = new ArrayList<>(batch.size());
    List<AppendResult> stored = new ArrayList<>(batch.size());
    Set<SeqCounters.User> touched = new HashSet<>();
    Set<GroupSeqs.Group> touchedGroups = new HashSet<>();
    List<PendingCursors.Save> cursorSaves = cursors.drain();
    List<PendingRecall> recallBatch = drainRecalls();
    List<RecallResult> recallResults = new ArrayList<>(recallBatch.size());
    boolean sync = false;
    SortedPuts writes = new SortedPuts();
    groupRecallsInBatch.clear();
    try {
      // Tips and notifications have no dedup key: null in both lists.
      List<byte[]> dedupKeys = new ArrayList<>(batch.size());
      List<byte[]> lookups = new ArrayList<>(batch.size());
      for (Pending pending : batch) {
        AppendRequest request = pending.request();
        byte[] key = request.dedupKey() == null ? null
            : Keys.dedup(request.appId(), request.senderId(), request.dedupKey());
        dedupKeys.add(key);
        if (key != null) {
          lookups.add(key);
        }
      }
      // One multi-get for the whole batch: RocksDB probes the filters of all keys together.
      List<byte[]> found = lookups.isEmpty() ? List.of() : db.multiGet(db.dedup(), lookups);
      Map<ByteBuffer, AppendResult> seenInBatch = new HashMap<>();
      int lookup = 0;
      for (int i = 0; i < batch.size(); i++) {
        AppendRequest request = batch.get(i).request();
        byte[] dedupKey = dedupKeys.get(i);
        AppendResult result = dedupKey == null ? null
            : findDuplicate(request, dedupKey, found.get(lookup++), seenInBatch);
        if (result == null) {
          result = append(request, now, touched, touchedGroups, writes);
          if (dedupKey != null) {
            writes.put(db.dedup(), dedupKey, DedupRecord.of(result).encode());
            seenInBatch.put(ByteBuffer.wrap(dedupKey), result);
          }
          if (!result.duplicate()) { // a group recall of a message already recalled stores nothing
            stored.add(result);
          }
        }
        results.add(result);
      }
      // After the appends, so that the last server msg id below covers them; a recall allocates none.
      recalls.reset();
      groupRecallsInBatch.clear();
      boolean recalledAny = false;
      for (PendingRecall pending : recallBatch) {
        RecallResult r = recalls.recall(pending.request(), now, touched, writes);
        recalledAny |= r.outcome() == RecallResult.Outcome.RECALLED;
        recallResults.add(r);
      }
      for (PendingCursors.Save save : cursorSaves) {
        PendingCursors.Cursor device = save.device();
        if (save.seq() > storedCursors.get(device)) {
          writes.put(db.cursors(), device.key(),
              Keys.longBytes(save.seq()));
          storedCursors.put(device, save.seq());
        }
      }
      if (!stored.isEmpty()) {
        writes.put(db.defaultCf(), Database.LAST_SERVER_MSG_ID, Keys.longBytes(ids.last()));
      }
      sync = (!stored.isEmpty() || recalledAny) && options.syncPolicy() == SyncPolicy.FSYNC;
      if (writes.count() > 0) {
        try (WriteBatch batchWrite = new WriteBatch()) {
          writes.writeTo(batchWrite);
          sink.write(batchWrite, sync);
        }
      }
    } catch (Exception e) {
      // Nothing of this batch is on disk: reload its users' counters from disk so no seq is skipped.
      seqs.forget(touched);
      groupSeqs.forget(touchedGroups);
      firstReadSeqs.forget(touchedGroups);
      storedCursors.forget(cursorSaves.stream().map(PendingCursors.Save::device).toList());
      cursors.restore(cursorSaves);
      log.warn("store batch of {} appends and {} recalls failed", batch.size(), recallBatch.size(), e);
      if (!batch.isEmpty() || !recallBatch.isEmpty()) {
        handOff(new Finished(batch, List.of(), List.of(), recallBatch, List.of(), e));
      }
      return;
    }
    if (!batch.isEmpty()) {
      appends += batch.size();
      duplicates += batch.size() - stored.size();
      batches++;
    }
    if (sync) {
      syncs++;
    }
    if (!batch.isEmpty() || !recallBatch.isEmpty()) {
      handOff(new Finished(batch, results, stored, recallBatch, recallResults, null));
    }
  }

  /** The answer of an earlier append with the same dedup key, in this batch or {@code stored}; null if none. */
  private static AppendResult findDuplicate(AppendRequest request, byte[] dedupKey, byte[] stored,
                    Map<ByteBuffer, AppendResult> seenInBatch) {
    AppendResult earlier = seenInBatch.get(ByteBuffer.wrap(dedupKey));
    if (earlier != null) {
      return DedupRecord.of(earlier).duplicateResult(request);
    }
    return stored == null ? null : DedupRecord.decode(stored).duplicateResult(request);
  }

  /** Stores the request's event once under its conversation key and points each listed timeline at it. */
  private AppendResult append(AppendRequest request, long now, Set<SeqCounters.User> touched,
      Set<GroupSeqs.Group> touchedGroups, SortedPuts writes) throws RocksDBException {
    String app = request.appId();
    if (request.event() instanceof Event.GroupRecall r) {
      byte[] target = Keys.groupEvent(app, request.groupId(), r.groupSeq());
      if (!groupRecallsInBatch.add(ByteBuffer.wrap(target)) || db.get(db.recalls(), target) != null) {
        return new AppendResult(request, 0, now, 0, true, TimelineEntry.getDefaultInstance(), List.of());
      }
      writes.put(db.recalls(), target, RecallRecords.value(now));
    }
    long serverMsgId = ids.next(now);
    long groupSeq = 0;
    byte[] eventKey;
    byte[] eventValue;
    TimelineEntry entry;
    if (request.conversation() instanceof Conversation.C2c pair) { // validated on submit
      Message message = request.message().toBuilder().setServerMsgId(serverMsgId).setServerTimeMs(now).build();
      eventKey = Keys.c2cMessage(app, pair.userA(), pair.userB(), serverMsgId);
      eventValue = message.toByteArray();
      entry = TimelineEntry.newBuilder().setMessage(message).build();
    } else {
      if (request.conversation() instanceof Conversation.Group g) {
        GroupSeqs.Group group = new GroupSeqs.Group(app, g.groupId());
        touchedGroups.add(group);
        groupSeq = groupSeqs.next(group);
        eventKey = Keys.groupEvent(app, g.groupId(), groupSeq);
        if (request.readOnPull() && firstReadSeqs.get(group) == 0) {
          // The group's first event read from its own timeline: from here on members pull it (see Store).
          writes.put(db.cursors(), Keys.firstReadSeq(app, g.groupId()), Keys.longBytes(groupSeq));
          firstReadSeqs.put(group, groupSeq);
        }
      } else {
        eventKey = Keys.notice(app, serverMsgId);
      }
      entry = storedEntry(request, serverMsgId, now, groupSeq);
      eventValue = entry.toByteArray();
    }
    writes.put(db.messages(), eventKey, eventValue);
    List<Delivery> deliveries = new ArrayList<>(request.timelines().size());
    for (String userId : request.timelines()) {
      SeqCounters.User user = new SeqCounters.User(app, userId);
      touched.add(user);
      long seq = seqs.next(user);
      writes.put(db.timelines(), Keys.timeline(app, userId, seq), eventKey);
      deliveries.add(new Delivery(userId, seq));
    }
    return new AppendResult(request, serverMsgId, now, groupSeq, false, entry, deliveries);
  }

  /** A group's or a notification's event as stored: a timeline entry without seq, the store's ids filled in. */
  private static TimelineEntry storedEntry(AppendRequest request, long serverMsgId, long now, long groupSeq) {
    TimelineEntry.Builder entry = TimelineEntry.newBuilder();
    if (request.event() instanceof Event.NewMessage m) {
      entry.setMessage(m.message().toBuilder().setServerMsgId(serverMsgId).setServerTimeMs(now)
          .setGroupId(request.groupId()).setGroupSeq(groupSeq).clearToUserId());
    } else if (request.event() instanceof Event.Tip t) {
      entry.setGroupTip(t.tip().toBuilder().setGroupId(request.groupId()).setGroupSeq(groupSeq)
          .setServerMsgId(serverMsgId).setServerTimeMs(now));
    } else if (request.event() instanceof Event.GroupRecall r) {
      entry.setRecall(RecallNotice.newBuilder().setMessage(RecallRecords.recalled(r.message())));
    } else {
      entry.setGroupNotification(((Event.Notification) request.event()).notification().toBuilder()
          .setServerMsgId(serverMsgId).setServerTimeMs(now));
    }
    return entry.build();
  }

  private void notifyRecalled(List<RecallResult> recalled) {
    try {
      listener.recalled(List.copyOf(recalled));
    } catch (RuntimeException e) {
      log.warn("store commit listener failed on recalls", e);
    }
  }

  private void notifyListener(List<AppendResult> stored) {
    try {
      listener.committed(List.copyOf(stored));
    } catch (RuntimeException e) {
      // The batch is durable whatever the listener does; its appends still succeed.
      log.warn("store commit listener failed", e);
    }
  }
}
