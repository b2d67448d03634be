package io.parley.server.vendor.rongcloud;

import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Rongcloud's message UID ({@code CLU2-NFGR-CQ82-O4IS}: four groups of four upper-case letters or digits), made from
 * a stored message's server msg id alone, so that every copy and every reader names a message the same way, and
 * read back to that id. The 16 base-36 digits hold the id scrambled by an odd multiplier (so that neighbouring ids
 * do not look alike) under a 16-bit check derived from it.
 */
public final class RongcloudMessageUid {
  private static final Pattern SHAPE = Pattern.compile("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
  private static final BigInteger MOD = BigInteger.ONE.shiftLeft(64);
  private static final long MIX = 0x9E37_79B9_7F4A_7C15L;
  private static final long UNMIX = BigInteger.valueOf(MIX).mod(MOD).modInverse(MOD).longValue();
  private static final long CHECK = 0xC2B2_AE3D_27D4_EB4FL;

  private RongcloudMessageUid() {}

  /** The UID of the message with this server msg id. */
  public static String of(long serverMsgId) {
    long mixed = serverMsgId * MIX;
    BigInteger n = BigInteger.valueOf(check(serverMsgId)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(mixed)));
    String digits = n.toString(36).toUpperCase(Locale.ROOT);
    String padded = "0".repeat(16 - digits.length()) + digits;
    return padded.substring(0, 4) + "-" + padded.substring(4, 8) + "-" + padded.substring(8, 12) + "-"
        + padded.substring(12);
  }

  /** The server msg id a UID names; empty when the text is not a UID this server made. */
  public static OptionalLong parse(String uid) {
    if (uid == null || !SHAPE.matcher(uid).matches()) {
      return OptionalLong.empty();
    }
    BigInteger n = new BigInteger(uid.replace("-", ""), 36);
    if (n.bitLength() > 80) {
      return OptionalLong.empty();
    }
    long id = n.longValue() * UNMIX;
    return n.shiftRight(64).longValue() == check(id) ? OptionalLong.of(id) : OptionalLong.empty();
  }

  private static long check(long serverMsgId) {
    return (serverMsgId * CHECK) >>> 48;
  }
}
