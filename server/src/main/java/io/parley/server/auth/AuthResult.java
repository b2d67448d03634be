package io.parley.server.auth;

import io.parley.server.app.App;
import io.parley.protocol.ErrorCodes;
import java.util.Objects;

/**
 * The answer to a login: accepted as {@code userId} of {@code app} until {@code expiresAtMillis} (0: no expiry), or
 * refused with an {@link ErrorCodes} code and a message for humans that never contains a secret.
 */
public record AuthResult(boolean ok, int code, String message, App app, String userId, long expiresAtMillis) {

  public AuthResult {
    Objects.requireNonNull(message, "message");
    if (ok != (code == 0)) {
      throw new IllegalArgumentException("code must be 0 exactly when ok, was " + code);
    }
    if (ok && (app == null || userId == null || userId.isEmpty())) {
      throw new IllegalArgumentException("an accepted login names its app and user");
    }
  }

  /** An accepted credential for {@code userId} that stays valid until {@code expiresAtMillis} (0: no expiry). */
  public static AuthResult ok(App app, String userId, long expiresAtMillis) {
    return new AuthResult(true, 0, "OK", app, userId, expiresAtMillis);
  }

  /** A refused credential; {@code code} is non-zero. */
  public static AuthResult refused(int code, String message) {
    return new AuthResult(false, code, message, null, null, 0L);
  }
}
