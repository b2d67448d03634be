package io.parley.server.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored outcome of a dedup key: what a retried append is answered with. A one-to-one message's record is 4
 * big-endian longs: the server msg id, the seq in the sender's timeline, the seq in the peer's timeline (the sender's
 * own for a message to oneself) and the server time; a seq of 0 means no entry there. A group message's record adds a
 * fifth long, its group seq (the peer's field is then 0): the length tells the two apart, so older records read as
 * before.
 */
record DedupRecord(long serverMsgId, long senderSeq, long recipientSeq, long serverTimeMs, long groupSeq,
    boolean group) {

  private static final int C2C_SIZE = 4 * Long.BYTES;
  private static final int GROUP_SIZE = 5 * Long.BYTES;

  /** A one-to-one message's record. */
  DedupRecord(long serverMsgId, long senderSeq, long recipientSeq, long serverTimeMs) {
    this(serverMsgId, senderSeq, recipientSeq, serverTimeMs, 0, false);
  }

  static DedupRecord of(AppendResult result) {
    AppendRequest request = result.request();
    if (request.conversation() instanceof Conversation.C2c pair) {
      return new DedupRecord(result.serverMsgId(), result.seqOf(request.senderId()),
          result.seqOf(pair.peerOf(request.senderId())), result.serverTimeMs(), 0, false);
    }
    return new DedupRecord(result.serverMsgId(), result.seqOf(request.senderId()), 0, result.serverTimeMs(),
        result.groupSeq(), true);
  }

  static DedupRecord decode(byte[] value) {
    if (value.length != C2C_SIZE && value.length != GROUP_SIZE) {
      throw new IllegalStateException("corrupt dedup record of " + value.length + " bytes");
    }
    boolean group = value.length == GROUP_SIZE;
    return new DedupRecord(Keys.readLong(value, 0), Keys.readLong(value, 8),
        Keys.readLong(value, 16), Keys.readLong(value, 24), group ? Keys.readLong(value, 32) : 0, group);
  }

  byte[] encode() {
    byte[] out = new byte[group ? GROUP_SIZE : C2C_SIZE];
    Keys.writeLong(out, 0, serverMsgId);
    Keys.writeLong(out, 8, senderSeq);
    Keys.writeLong(out, 16, recipientSeq);
    Keys.writeLong(out, 24, serverTimeMs);
    if (group) {
      Keys.writeLong(out, 32, groupSeq);
    }
    return out;
  }

  /**
   * The answer to a retry of the original append: its deliveries, the sender's first (a group message's retry names
   * only the sender's entry). A note to self has one entry, whichever field names it (older records hold it in the
   * peer's field only).
   */
  AppendResult duplicateResult(AppendRequest retry) {
    String sender = retry.senderId();
    List<Delivery> deliveries = new ArrayList<>(2);
    if (!(retry.conversation() instanceof Conversation.C2c pair)) {
      if (senderSeq != 0) {
        deliveries.add(new Delivery(sender, senderSeq));
      }
      return new AppendResult(retry, serverMsgId, serverTimeMs, groupSeq, true, null, deliveries);
    }
    String peer = pair.peerOf(sender);
    if (peer.equals(sender)) {
      long seq = Math.max(senderSeq, recipientSeq);
      if (seq != 0) {
        deliveries.add(new Delivery(sender, seq));
      }
    } else {
      if (senderSeq != 0) {
        deliveries.add(new Delivery(sender, senderSeq));
      }
      if (recipientSeq != 0) {
        deliveries.add(new Delivery(peer, recipientSeq));
      }
    }
    return new AppendResult(retry, serverMsgId, serverTimeMs, 0, true, null, deliveries);
  }
}
