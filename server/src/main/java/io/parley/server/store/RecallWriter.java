package io.parley.server.store;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Set;
import org.rocksdb.RocksDBException;

/**
 * The writer thread's share of recalls, one group commit at a time: looks the message up, and unless it is missing or
 * already recalled, puts its recall record and a notice entry into the sender's and the recipient's timelines (next
 * seqs, so timelines stay gap-free and a device that was offline learns of the recall when it catches up).
 */
final class RecallWriter {
  private final Database db;
  private final SeqCounters seqs;
  /** Messages recalled earlier in the current batch: not on disk yet, but already recalled. */
  private final Set<ByteBuffer> inBatch = new HashSet<>();

  RecallWriter(Database db, SeqCounters seqs) {
    this.db = db;
    this.seqs = seqs;
  }

  /** Starts a new batch. */
  void reset() {
    inBatch.clear();
  }

  RecallResult recall(RecallRequest request, long now, Set<SeqCounters.User> touched, SortedPuts writes)
      throws RocksDBException {
    String app = request.appId();
    byte[] key = Keys.c2cMessage(app, request.fromUserId(), request.toUserId(), request.serverMsgId());
    byte[] stored = db.get(db.messages(), key);
    if (stored == null) {
      return RecallResult.of(request, RecallResult.Outcome.NOT_FOUND);
    }
    Message message;
    try {
      message = Message.parseFrom(stored);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new RocksDBException("corrupt message: " + e.getMessage());
    }
    if (!message.getFromUserId().equals(request.fromUserId())) {
      return RecallResult.of(request, RecallResult.Outcome.NOT_FOUND); // the pair's message, but from the other one
    }
    if (inBatch.contains(ByteBuffer.wrap(key)) || db.get(db.recalls(), key) != null) {
      return RecallResult.of(request, RecallResult.Outcome.ALREADY_RECALLED);
    }
    inBatch.add(ByteBuffer.wrap(key));
    writes.put(db.recalls(), key, RecallRecords.value(now));
    Message recalled = RecallRecords.recalled(message);
    byte[] notice = RecallRecords.noticeValue(key);
    TimelineEntry senderEntry = append(app, request.fromUserId(), recalled, notice, touched, writes);
    TimelineEntry recipientEntry = request.fromUserId().equals(request.toUserId()) ? senderEntry
        : append(app, request.toUserId(), recalled, notice, touched, writes);
    return new RecallResult(request, RecallResult.Outcome.RECALLED, recalled, senderEntry, recipientEntry);
  }

  private TimelineEntry append(String app, String userId, Message recalled, byte[] notice,
      Set<SeqCounters.User> touched, SortedPuts writes) throws RocksDBException {
    SeqCounters.User user = new SeqCounters.User(app, userId);
    touched.add(user);
    long seq = seqs.next(user);
    writes.put(db.timelines(), Keys.timeline(app, userId, seq), notice);
    return RecallRecords.noticeEntry(seq, recalled);
  }
}
