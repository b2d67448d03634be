package io.parley.server.store;

/** The stored outcome of a client msg id: what a retried append is answered with. Encoded as 4 big-endian longs. */
record DedupRecord(long serverMsgId, long senderSeq, long recipientSeq, long serverTimeMs) {

  private static final int SIZE = 4 * Long.BYTES;

  static DedupRecord of(AppendResult result) {
    return new DedupRecord(result.serverMsgId(), result.senderSeq(), result.recipientSeq(), result.serverTimeMs());
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

  /** The answer to a retry of the original append. */
  AppendResult duplicateResult(AppendRequest retry) {
    return new AppendResult(retry, serverMsgId, senderSeq, recipientSeq, serverTimeMs, true, null, null);
  }
}
