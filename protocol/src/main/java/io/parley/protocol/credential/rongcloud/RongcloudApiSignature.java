package io.parley.protocol.credential.rongcloud;

import io.parley.protocol.credential.HexDigests;
import java.util.Objects;

/**
 * Rongcloud Server API request signing: header {@code Signature} = lower-case hex SHA-1 of
 * {@code AppSecret + Nonce + Timestamp}. Callbacks to the app server are signed the same way.
 */
public final class RongcloudApiSignature {
  /** Timestamps below this are seconds since the epoch (the published Java SDK), at or above it milliseconds. */
  public static final long SECONDS_BELOW = 100_000_000_000L;

  private RongcloudApiSignature() {}

  /**
   * The {@code Signature} header for these values: lower-case hex SHA-1 of the UTF-8 bytes of
   * {@code appSecret + nonce + timestamp}.
   *
   * @throws IllegalArgumentException when the App Secret is empty (anyone could compute such a signature)
   * @throws NullPointerException when an argument is null
   */
  public static String sign(String appSecret, String nonce, String timestamp) {
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(timestamp, "timestamp");
    if (appSecret.isEmpty()) {
      throw new IllegalArgumentException("app secret must not be empty");
    }
    return HexDigests.sha1Hex(appSecret + nonce + timestamp);
  }

  /**
   * True when {@code signature} is the signature of these values, in upper- or lower-case hex. Compares in constant
   * time; false (never an exception) when any argument is null or the App Secret is empty.
   */
  public static boolean matches(String appSecret, String nonce, String timestamp, String signature) {
    if (appSecret == null || appSecret.isEmpty() || nonce == null || timestamp == null || signature == null) {
      return false;
    }
    return HexDigests.hexEqualsIgnoreCase(sign(appSecret, nonce, timestamp), signature);
  }

  /**
   * The {@code Timestamp} header in epoch milliseconds. The docs say milliseconds but the published Java SDK sends
   * seconds, so a value below {@value #SECONDS_BELOW} (10^11, i.e. March 1973 in milliseconds) is read as seconds.
   *
   * @throws IllegalArgumentException when the value is missing, not a plain non-negative decimal number, or too large
   */
  public static long timestampMillis(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      throw new IllegalArgumentException("Timestamp is missing.");
    }
    for (int i = 0; i < timestamp.length(); i++) {
      char c = timestamp.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "Timestamp must be a decimal number of seconds or milliseconds since 1970; it has a '"
                + (Character.isISOControl(c) ? "\\u" + String.format("%04x", (int) c) : String.valueOf(c))
                + "' at position " + (i + 1) + ".");
      }
    }
    long value;
    try {
      value = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Timestamp has " + timestamp.length() + " digits; that is out of range.", e);
    }
    return value < SECONDS_BELOW ? value * 1000 : value;
  }
}
