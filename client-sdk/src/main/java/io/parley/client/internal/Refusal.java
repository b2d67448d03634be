package io.parley.client.internal;

import io.parley.client.KickReason;
import io.parley.protocol.ErrorCodes;
import java.util.Set;

/**
 * What the server's "no" means for the client, whether it refused a login or ended a session with a kick: try again
 * with backoff, stop because the credential expired (the app must supply a new one), or stop for good until the app
 * calls connect() again.
 */
enum Refusal {
  /** The server was busy, failed or went away: reconnect with backoff. */
  TRANSIENT,
  /** The credential expired or was revoked: stop, and tell the listener to get a new one. */
  CREDENTIAL_EXPIRED,
  /** Trying again would fail the same way: stop. */
  FINAL;

  /**
   * Login refusals worth retrying with backoff: the server was busy or failed. Any other refusal (every vendor's
   * credential codes, throttling, an unknown app) would fail again the same way, so it ends the connect.
   */
  private static final Set<Integer> TRANSIENT_LOGIN_CODES = Set.of(ErrorCodes.UNAVAILABLE, ErrorCodes.INTERNAL);
  /** Login refusals that mean "this credential expired or was revoked: get a new one". */
  private static final Set<Integer> EXPIRED_CREDENTIAL_CODES =
      Set.of(ErrorCodes.TENCENT_USERSIG_EXPIRED, ErrorCodes.RONGCLOUD_TOKEN_EXPIRED);

  /** The meaning of an Error answering a Login. */
  static Refusal ofLogin(int code) {
    if (TRANSIENT_LOGIN_CODES.contains(code)) {
      return TRANSIENT;
    }
    return EXPIRED_CREDENTIAL_CODES.contains(code) ? CREDENTIAL_EXPIRED : FINAL;
  }

  /** The meaning of a Kick; a reason this SDK does not know is transient. */
  static Refusal ofKick(KickReason reason) {
    return switch (reason) {
      case CREDENTIAL_EXPIRED, CREDENTIAL_REVOKED -> CREDENTIAL_EXPIRED;
      case LOGGED_IN_ELSEWHERE, ACCOUNT_BLOCKED, APP_REMOVED -> FINAL;
      default -> TRANSIENT;
    };
  }

  /** True when the client stops reconnecting after it. */
  boolean stopsReconnecting() {
    return this != TRANSIENT;
  }
}
