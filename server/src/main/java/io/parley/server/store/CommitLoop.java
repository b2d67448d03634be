package io.parley.server.store;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread: takes queued appends in batches, assigns server msg ids and per-user seqs, writes each
 * batch as one WriteBatch with one WAL sync, tells the listener, then completes the futures. Because only this
 * thread assigns seqs, timelines are gap-free without locks.
 */
final class CommitLoop implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CommitLoop.class);
    private static final int MIN_SEQ_CACHE = 100_000;

    /** An accepted append and the future that answers it. */
    record Pending(AppendRequest request, CompletableFuture<AppendResult> future) {
    }

    private final Database db;
    private final BatchSink sink;
    private final StoreOptions options;
    private final CommitListener listener;
    private final SeqCounters seqs;
    private final ServerMsgIds ids;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final PendingCursors cursors = new PendingCursors();
    private final Thread thread;

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
        // Capacity above two users per append of a batch, so a user touched in the current batch is never evicted.
        this.seqs = new SeqCounters(db, Math.max(MIN_SEQ_CACHE, 4 * options.maxBatch()));
        this.ids = new ServerMsgIds(db.getLong(db.defaultCf(), Database.LAST_SERVER_MSG_ID));
        this.thread = new Thread(this, "parley-store-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
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

    void saveCursor(PendingCursors.Device device, long seq) {
        if (closing) {
            throw new StoreClosedException();
        }
        cursors.save(device, seq);
        wake();
    }

    StoreStats stats() {
        return new StoreStats(appends, duplicates, batches, syncs);
    }

    /** Stops taking appends, lets the writer drain the queue and pending cursors, and waits for it to finish. */
    void shutdown() {
        closing = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        failRemaining(new StoreClosedException());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void wake() {
        if (parked) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(options.maxBatch());
        try {
            while (true) {
                Pending next = queue.poll();
                if (next != null) {
                    batch.add(next);
                    while (batch.size() < options.maxBatch() && (next = queue.poll()) != null) {
                        batch.add(next);
                    }
                    queued.addAndGet(-batch.size());
                    commit(batch);
                    batch.clear();
                } else if (!cursors.isEmpty()) {
                    commit(batch);
                } else if (closing) {
                    if (queue.isEmpty()) {
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
        }
    }

    private void park() {
        parked = true;
        // Re-check after announcing: a producer that missed 'parked' has already made its work visible.
        if (queue.isEmpty() && cursors.isEmpty() && !closing) {
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
    }

    /** Writes one batch (possibly only cursors) and answers its appends. */
    private void commit(List<Pending> batch) {
        long now = System.currentTimeMillis();
        List<AppendResult> results = new ArrayList<>(batch.size());
        List<AppendResult> stored = new ArrayList<>(batch.size());
        Set<SeqCounters.User> touched = new HashSet<>();
        List<PendingCursors.Save> cursorSaves = cursors.drain();
        boolean sync = false;
        try (WriteBatch writes = new WriteBatch()) {
            Map<ByteBuffer, AppendResult> seenInBatch = new HashMap<>();
            for (Pending pending : batch) {
                AppendRequest request = pending.request();
                byte[] dedupKey = Keys.dedup(request.appId(), request.fromUserId(), request.clientMsgId());
                AppendResult result = findDuplicate(request, dedupKey, seenInBatch);
                if (result == null) {
                    result = append(request, now, touched, writes);
                    writes.put(db.dedup(), dedupKey, DedupRecord.of(result).encode());
                    seenInBatch.put(ByteBuffer.wrap(dedupKey), result);
                    stored.add(result);
                }
                results.add(result);
            }
            for (PendingCursors.Save save : cursorSaves) {
                PendingCursors.Device device = save.device();
                byte[] key = Keys.cursor(device.appId(), device.userId(), device.deviceId());
                if (save.seq() > db.getLong(db.cursors(), key)) {
                    writes.put(db.cursors(), key, Keys.longBytes(save.seq()));
                }
            }
            if (!stored.isEmpty()) {
                writes.put(db.defaultCf(), Database.LAST_SERVER_MSG_ID, Keys.longBytes(ids.last()));
                sync = options.syncPolicy() == SyncPolicy.FSYNC;
            }
            if (writes.count() > 0) {
                sink.write(writes, sync);
            }
        } catch (Exception e) {
            // Nothing of this batch is on disk: reload its users' counters from disk so no seq is skipped.
            seqs.forget(touched);
            cursors.restore(cursorSaves);
            log.warn("store batch of {} appends failed", batch.size(), e);
            for (Pending pending : batch) {
                pending.future().completeExceptionally(e);
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
        if (!stored.isEmpty()) {
            notifyListener(stored);
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).future().complete(results.get(i));
        }
    }

    private AppendResult findDuplicate(AppendRequest request, byte[] dedupKey,
                                       Map<ByteBuffer, AppendResult> seenInBatch) throws RocksDBException {
        AppendResult earlier = seenInBatch.get(ByteBuffer.wrap(dedupKey));
        if (earlier != null) {
            return DedupRecord.of(earlier).duplicateResult(request);
        }
        byte[] record = db.get(db.dedup(), dedupKey);
        return record == null ? null : DedupRecord.decode(record).duplicateResult(request);
    }

    private AppendResult append(AppendRequest request, long now, Set<SeqCounters.User> touched, WriteBatch writes)
            throws RocksDBException {
        String app = request.appId();
        long serverMsgId = ids.next(now);
        SeqCounters.User sender = new SeqCounters.User(app, request.fromUserId());
        touched.add(sender);
        long senderSeq = seqs.next(sender);
        long recipientSeq = senderSeq;
        if (!request.selfSend()) {
            SeqCounters.User recipient = new SeqCounters.User(app, request.toUserId());
            touched.add(recipient);
            recipientSeq = seqs.next(recipient);
        }
        Message message = Message.newBuilder()
                .setServerMsgId(serverMsgId)
                .setClientMsgId(request.clientMsgId())
                .setFromUserId(request.fromUserId())
                .setToUserId(request.toUserId())
                .setServerTimeMs(now)
                .setContentType(request.contentType())
                .setContent(request.content())
                .setFromDeviceId(request.fromDeviceId())
                .build();
        TimelineEntry senderEntry = TimelineEntry.newBuilder().setSeq(senderSeq).setMessage(message).build();
        TimelineEntry recipientEntry = request.selfSend()
                ? senderEntry
                : TimelineEntry.newBuilder().setSeq(recipientSeq).setMessage(message).build();
        writes.put(db.messages(), Keys.c2cMessage(app, request.fromUserId(), request.toUserId(), serverMsgId),
                message.toByteArray());
        writes.put(db.timelines(), Keys.timeline(app, request.fromUserId(), senderSeq), senderEntry.toByteArray());
        if (!request.selfSend()) {
            writes.put(db.timelines(), Keys.timeline(app, request.toUserId(), recipientSeq),
                    recipientEntry.toByteArray());
        }
        return new AppendResult(request, serverMsgId, senderSeq, recipientSeq, now, false, senderEntry, recipientEntry);
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
