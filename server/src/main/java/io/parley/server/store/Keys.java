package io.parley.server.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Byte-ordered key codec: UTF-8 strings joined by a 0x00 separator, numbers as 8-byte big-endian, every key
 * scoped by app id first. Because ids never contain 0x00, a prefix ending in the separator selects exactly one
 * id's records, and a range scan over it returns them in numeric order.
 */
final class Keys {

  static final byte SEPARATOR = 0;
  /** Conversation kind segment of message keys: a one-to-one conversation's messages. */
  private static final byte[] C2C = "c2c".getBytes(StandardCharsets.US_ASCII);
  /** A group's history: its messages and tips by group seq. */
  private static final byte[] GROUP = "grp".getBytes(StandardCharsets.US_ASCII);
  /** Events stored for their timelines only, in no conversation (group notifications), by server msg id. */
  private static final byte[] NOTICES = "ntf".getBytes(StandardCharsets.US_ASCII);

  private Keys() {
  }

  /** Throws IllegalArgumentException unless {@code value} is a non-empty id without U+0000. */
  static String requireId(String name, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(name + " must not contain U+0000");
    }
    return value;
  }

  /** {@code app 0 user 0}: the prefix of all of a user's timeline entries. */
  static byte[] timelinePrefix(String appId, String userId) {
    return new Builder().str(appId).str(userId).build();
  }

  /** {@code app 0 user 0 seq}. */
  static byte[] timeline(String appId, String userId, long seq) {
    return new Builder().str(appId).str(userId).num(seq).build();
  }

  /** {@code app 0 "c2c" 0 lower-user 0 higher-user 0 serverMsgId}; users ordered by their UTF-8 bytes. */
  static byte[] c2cMessage(String appId, String userA, String userB, long serverMsgId) {
    return c2cConversation(appId, userA, userB).num(serverMsgId).build();
  }

  /** {@code app 0 "c2c" 0 lower-user 0 higher-user 0}: the prefix of one C2C conversation's messages. */
  static byte[] c2cPrefix(String appId, String userA, String userB) {
    return c2cConversation(appId, userA, userB).build();
  }

  private static Builder c2cConversation(String appId, String userA, String userB) {
    byte[] a = utf8(userA);
    byte[] b = utf8(userB);
    boolean aFirst = Arrays.compareUnsigned(a, b) <= 0;
    return new Builder().str(appId).raw(C2C).raw(aFirst ? a : b).raw(aFirst ? b : a);
  }

  /** {@code app 0 "grp" 0 group 0 groupSeq}. */
  static byte[] groupEvent(String appId, String groupId, long groupSeq) {
    return new Builder().str(appId).raw(GROUP).str(groupId).num(groupSeq).build();
  }

  /** {@code app 0 "grp" 0 group 0}: the prefix of one group's history. */
  static byte[] groupPrefix(String appId, String groupId) {
    return new Builder().str(appId).raw(GROUP).str(groupId).build();
  }

  /** {@code app 0 "ntf" 0 serverMsgId}. */
  static byte[] notice(String appId, long serverMsgId) {
    return new Builder().str(appId).raw(NOTICES).num(serverMsgId).build();
  }

  /**
   * True when a messages-family key holds a one-to-one message (a {@code Message}); the other kinds hold a
   * {@code TimelineEntry} without seq. The kind is the segment after the app id.
   */
  static boolean isC2cMessageKey(byte[] key) {
    int i = 0;
    while (i < key.length && key[i] != SEPARATOR) {
      i++;
    }
    return key.length > i + C2C.length + 1 && Arrays.equals(key, i + 1, i + 1 + C2C.length, C2C, 0, C2C.length)
        && key[i + 1 + C2C.length] == SEPARATOR;
  }

  /** {@code app 0 user 0 device}. */
  static byte[] cursor(String appId, String userId, String deviceId) {
    return new Builder().str(appId).str(userId).str(deviceId).build();
  }

  /**
   * {@code app 0 user 0 0 group 0}: a member's read cursor in a group. The empty segment where a device's cursor has
   * its (never empty) device id keeps the two kinds apart.
   */
  static byte[] groupCursor(String appId, String userId, String groupId) {
    return new Builder().str(appId).str(userId).raw(new byte[0]).str(groupId).build();
  }

  /**
   * {@code app 0 0 0 group 0}: the first seq of a group's history that was kept in the group's timeline only (read
   * fan-out). A group cursor with an empty user id, which no real user has.
   */
  static byte[] firstReadSeq(String appId, String groupId) {
    return new Builder().str(appId).raw(new byte[0]).raw(new byte[0]).str(groupId).build();
  }

  /** {@code app 0 sender 0 clientMsgId}. */
  static byte[] dedup(String appId, String fromUserId, String clientMsgId) {
    return new Builder().str(appId).str(fromUserId).str(clientMsgId).build();
  }

  /** The trailing 8-byte number of a key (a timeline entry's seq, a message's server msg id). */
  static long trailingNumber(byte[] key) {
    return readLong(key, key.length - Long.BYTES);
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  static byte[] longBytes(long value) {
    byte[] out = new byte[Long.BYTES];
    writeLong(out, 0, value);
    return out;
  }

  static void writeLong(byte[] out, int offset, long value) {
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      out[offset + i] = (byte) value;
      value >>>= 8;
    }
  }

  static long readLong(byte[] in, int offset) {
    long value = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      value = (value << 8) | (in[offset + i] & 0xFF);
    }
    return value;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Appends segments; strings and raw segments are followed by the separator, numbers are not. */
  private static final class Builder {
    private byte[] buf = new byte[64];
    private int len;

    Builder str(String s) {
      return raw(utf8(s));
    }

    Builder raw(byte[] bytes) {
      ensure(bytes.length + 1);
      System.arraycopy(bytes, 0, buf, len, bytes.length);
      len += bytes.length;
      buf[len++] = SEPARATOR;
      return this;
    }

    Builder num(long value) {
      ensure(Long.BYTES);
      writeLong(buf, len, value);
      len += Long.BYTES;
      return this;
    }

    byte[] build() {
      return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
      if (len + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }
  }
}
