package io.parley.server.store;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored outcome of a dedup key: what a retried append is answered with. Encoded as 4 big-endian longs: the
 * server msg id, the seq in the sender's timeline, the seq in the peer's timeline (the sender's own for a message to
 * oneself) and the server time; a seq of 0 means no entry there. That is a one-to-one conversation's shape, the only
 * one stored so far: a group's outcome will need a record of its own.
 */
record DedupRecord(long serverMsgId, long senderSeq, long recipientSeq, long serverTimeMs) {

  private static final int SIZE = 4 * Long.BYTES;

  static DedupRecord of(AppendResult result) {
    AppendRequest request = result.request();
    Conversation.C2c pair = (Conversation.C2c) request.conversation();
    return new DedupRecord(result.serverMsgId(), result.seqOf(request.senderId()),
        result.seqOf(pair.peerOf(request.senderId())), result.serverTimeMs());
  }

  static DedupRecord decode(byte[] value) {
    if (value.length != SIZE) {
      throw new IllegalStateException("corrupt dedup record of " + value.length + " bytes");
    }
    return new DedupRecord(Keys.readLong(value, 0), Keys.readLong(value, 8),
        Keys.readLong(value, 16), Keys.readLong(value, 24));
  }

  byte[] encode() {
    byte[] out = new byte[SIZE];
    Keys.writeLong(out, 0, serverMsgId);
    Keys.writeLong(out, 8, senderSeq);
    Keys.writeLong(out, 16, recipientSeq);
    Keys.writeLong(out, 24, serverTimeMs);
    return out;
  }

  /**
   * The answer to a retry of the original append: its deliveries, the sender's first. A note to self has one entry,
   * whichever field names it (older records hold it in the peer's field only).
   */
  AppendResult duplicateResult(AppendRequest retry) {
    String sender = retry.senderId();
    String peer = ((Conversation.C2c) retry.conversation()).peerOf(sender);
    List<Delivery> deliveries = new ArrayList<>(2);
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
    return new AppendResult(retry, serverMsgId, serverTimeMs, true, null, deliveries);
  }
}
