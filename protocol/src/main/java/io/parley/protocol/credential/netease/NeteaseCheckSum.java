package io.parley.protocol.credential.netease;

import io.parley.protocol.credential.HexDigests;
import java.util.Objects;

/**
 * NetEase Yunxin checksums: the REST {@code CheckSum} header (SHA-1 of {@code AppSecret + Nonce + CurTime}) and the
 * callback headers {@code MD5} (of the raw body) and {@code CheckSum} (SHA-1 of {@code AppSecret + MD5 + CurTime}).
 */
public final class NeteaseCheckSum {
  private NeteaseCheckSum() {}

  /**
   * The REST {@code CheckSum} header: lower-case hex SHA-1 of the UTF-8 bytes of {@code appSecret + nonce + curTime}
   * ({@code curTime} in seconds, as sent).
   *
   * @throws IllegalArgumentException when the App Secret is empty (anyone could compute such a checksum)
   * @throws NullPointerException when an argument is null
   */
  public static String checkSum(String appSecret, String nonce, String curTime) {
    return sha1(appSecret, nonce, curTime);
  }

  /** The callback {@code MD5} header: lower-case hex MD5 of the raw body bytes. */
  public static String md5Hex(byte[] body) {
    return HexDigests.md5Hex(Objects.requireNonNull(body, "body"));
  }

  /**
   * The callback {@code CheckSum} header: lower-case hex SHA-1 of the UTF-8 bytes of
   * {@code appSecret + bodyMd5 + curTime} ({@code curTime} in milliseconds for callbacks, as sent).
   *
   * @throws IllegalArgumentException when the App Secret is empty
   * @throws NullPointerException when an argument is null
   */
  public static String callbackCheckSum(String appSecret, String bodyMd5, String curTime) {
    return sha1(appSecret, bodyMd5, curTime);
  }

  /**
   * True when both are the same non-empty hex string, ignoring case. Compares in constant time; false (never an
   * exception) when either is null, empty or not hex.
   */
  public static boolean matches(String expected, String actual) {
    return HexDigests.hexEqualsIgnoreCase(expected, actual);
  }

  private static String sha1(String appSecret, String middle, String curTime) {
    Objects.requireNonNull(appSecret, "appSecret");
    Objects.requireNonNull(middle);
    Objects.requireNonNull(curTime, "curTime");
    if (appSecret.isEmpty()) {
      throw new IllegalArgumentException("app secret must not be empty");
    }
    return HexDigests.sha1Hex(appSecret + middle + curTime);
  }
}
