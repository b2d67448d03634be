package io.parley.protocol.credential.tencent;

import io.parley.protocol.credential.HexDigests;
import java.util.Objects;

/**
 * Tencent Cloud IM callback authentication: when the app configured a callback token, each callback URL carries
 * {@code RequestTime} (Unix seconds) and {@code Sign} = lower-case hex SHA-256 of {@code token + RequestTime}.
 */
public final class TencentCallbackSign {
  private TencentCallbackSign() {}

  /**
   * The {@code Sign} query parameter: lower-case hex SHA-256 of the UTF-8 bytes of {@code token + requestTime}.
   *
   * @throws IllegalArgumentException when the token is empty (anyone could compute such a sign)
   * @throws NullPointerException when an argument is null
   */
  public static String sign(String token, String requestTime) {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(requestTime, "requestTime");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("callback token must not be empty");
    }
    return HexDigests.sha256Hex(token + requestTime);
  }

  /**
   * True when {@code sign} is the Sign of these values, in either case. Compares in constant time; false (never an
   * exception) when any argument is null or the token is empty.
   */
  public static boolean matches(String token, String requestTime, String sign) {
    if (token == null || token.isEmpty() || requestTime == null || sign == null) {
      return false;
    }
    return HexDigests.hexEqualsIgnoreCase(sign(token, requestTime), sign);
  }
}
