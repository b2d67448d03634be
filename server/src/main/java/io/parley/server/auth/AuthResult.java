package io.parley.server.auth;

import io.parley.protocol.ErrorCodes;
import java.util.Objects;

/**
 * The answer to a login: accepted until {@code expiresAtMillis}, or refused with an {@link ErrorCodes} code and a
 * message for humans (never containing a secret).
 */
public record AuthResult(boolean ok, int code, String message, long expiresAtMillis) {

  public AuthResult {
    Objects.requireNonNull(message, "message");
    if (ok != (code == 0)) {
      throw new IllegalArgumentException("code must be 0 exactly when ok, was " + code);
    }
  }

  /** An accepted credential that stays valid until {@code expiresAtMillis} (epoch milliseconds). */
  public static AuthResult ok(long expiresAtMillis) {
    return new AuthResult(true, 0, "OK", expiresAtMillis);
  }

  /** A refused credential; {@code code} is non-zero. */
  public static AuthResult refused(int code, String message) {
    return new AuthResult(false, code, message, 0L);
  }
}
