package io.parley.server.store;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.RecallNotice;
import io.parley.protocol.v1.TimelineEntry;
import java.util.Arrays;

/**
 * The recall records: one key per recalled message in the {@code recalls} column family (the message's own key, so
 * a record is found without a scan), its value the recall time. A message is never rewritten; reads apply the record
 * ({@link #recalled}). A timeline entry that announces a recall stores its message's key behind a 0x00 marker byte:
 * a message key starts with an app id, which is never empty and never holds U+0000, so the two cannot be confused.
 */
final class RecallRecords {
  private static final byte NOTICE = 0;

  private RecallRecords() {}

  /** The record's value: the recall time in milliseconds. */
  static byte[] value(long recalledAtMs) {
    return Keys.longBytes(recalledAtMs);
  }

  /** The message as everyone reads it once recalled: ids, parties and time kept, its body gone. */
  static Message recalled(Message message) {
    return message.toBuilder().clearContent().clearContentType().clearElements().clearCloudCustomData()
        .setRecalled(true).build();
  }

  /** The timeline value of a notice announcing the recall of the message stored under {@code messageKey}. */
  static byte[] noticeValue(byte[] messageKey) {
    byte[] out = new byte[messageKey.length + 1];
    out[0] = NOTICE;
    System.arraycopy(messageKey, 0, out, 1, messageKey.length);
    return out;
  }

  /** The timeline entry of a recall notice: its seq and the recalled message, as devices read it. */
  static TimelineEntry noticeEntry(long seq, Message recalled) {
    return TimelineEntry.newBuilder().setSeq(seq).setRecall(RecallNotice.newBuilder().setMessage(recalled)).build();
  }

  /** True when a timeline value is a recall notice rather than a message key. */
  static boolean isNotice(byte[] timelineValue) {
    return timelineValue.length > 0 && timelineValue[0] == NOTICE;
  }

  /** The message key a timeline value points at, notice or not. */
  static byte[] messageKey(byte[] timelineValue) {
    return isNotice(timelineValue) ? Arrays.copyOfRange(timelineValue, 1, timelineValue.length) : timelineValue;
  }
}
