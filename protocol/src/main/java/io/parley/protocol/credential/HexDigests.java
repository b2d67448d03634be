package io.parley.protocol.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex-encoded SHA-256, SHA-1 and MD5 digests and a constant-time hex comparison, shared by the vendor signature formats. */
public final class HexDigests {
  private static final HexFormat LOWER = HexFormat.of();

  private HexDigests() {}

  /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
  public static String sha256Hex(String text) {
    return LOWER.formatHex(digest("SHA-256", text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Lower-case hex SHA-1 of the UTF-8 bytes of {@code text}. */
  public static String sha1Hex(String text) {
    return LOWER.formatHex(digest("SHA-1", text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Lower-case hex MD5 of the UTF-8 bytes of {@code text}. */
  public static String md5Hex(String text) {
    return md5Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex MD5 of {@code bytes}. */
  public static String md5Hex(byte[] bytes) {
    return LOWER.formatHex(digest("MD5", bytes));
  }

  /**
   * True when both strings are the same non-empty hex string, ignoring the case of {@code a-f}.
   *
   * <p>The time taken depends on the lengths only, not on where the strings differ. Null, empty and non-hex input
   * never match, so an empty expected value cannot be satisfied by an empty header.
   */
  public static boolean hexEqualsIgnoreCase(String expected, String actual) {
    byte[] a = foldedHexOrNull(expected);
    byte[] b = foldedHexOrNull(actual);
    return a != null && b != null && MessageDigest.isEqual(a, b);
  }

  /** ASCII bytes with {@code A-F} folded to {@code a-f}, or null when the string is null, empty or not hex. */
  private static byte[] foldedHexOrNull(String hex) {
    if (hex == null || hex.isEmpty()) {
      return null;
    }
    byte[] folded = new byte[hex.length()];
    for (int i = 0; i < folded.length; i++) {
      char c = hex.charAt(i);
      if (Character.digit(c, 16) < 0 || c > 'f') { // Character.digit also accepts non-ASCII digits
        return null;
      }
      folded[i] = (byte) (c | 0x20); // '0'-'9' already have the bit; 'A'-'F' become 'a'-'f'
    }
    return folded;
  }

  private static byte[] digest(String algorithm, byte[] input) {
    try {
      return MessageDigest.getInstance(algorithm).digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is unavailable in this JVM", e);
    }
  }
}
