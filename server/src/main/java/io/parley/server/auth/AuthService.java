package io.parley.server.auth;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.CredentialKind;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Decides whether a login's credential admits the user to the app, without blocking the calling event loop.
 *
 * <p>Known-good credentials are answered from a cache with an already-completed future on the caller's thread;
 * anything else is verified on {@code verifyExecutor}, and the returned future completes there.
 */
public final class AuthService {
  private final AppRegistry apps;
  private final TencentUserSigVerifier tencent;

  /**
   * @param verifyExecutor runs signature checks; never an event loop
   * @param clock the time against which credential expiry is judged
   * @param cacheMaxEntries how many verified credentials to remember
   */
  public AuthService(AppRegistry apps, Executor verifyExecutor, Clock clock, int cacheMaxEntries) {
    this.apps = Objects.requireNonNull(apps, "apps");
    Objects.requireNonNull(verifyExecutor, "verifyExecutor");
    Objects.requireNonNull(clock, "clock");
    if (cacheMaxEntries < 0) {
      throw new IllegalArgumentException("cacheMaxEntries must not be negative, was " + cacheMaxEntries);
    }
    this.tencent = new TencentUserSigVerifier(verifyExecutor, clock, cacheMaxEntries);
  }

  /** Verifies {@code credential} of {@code kind} for {@code userId} in app {@code appId}; never completes exceptionally. */
  public CompletableFuture<AuthResult> authenticate(
      String appId, String userId, CredentialKind kind, String credential) {
    Optional<App> found = apps.find(appId);
    if (found.isEmpty()) {
      return refused(ErrorCodes.UNKNOWN_APP, "No app with id \"" + appId + "\" is hosted here.");
    }
    App app = found.get();
    if (app.vendor() != VendorKind.TENCENT) {
      return refused(ErrorCodes.UNAVAILABLE,
          "App " + app.id() + " is a " + app.vendor() + " app; this server verifies only Tencent credentials so far.");
    }
    if (kind != CredentialKind.TENCENT_USERSIG) {
      return refused(ErrorCodes.TENCENT_USERSIG_INVALID,
          "App " + app.id() + " is a Tencent app and accepts only TENCENT_USERSIG credentials, not " + kind + ".");
    }
    return tencent.verify(app, userId, credential);
  }

  private static CompletableFuture<AuthResult> refused(int code, String message) {
    return CompletableFuture.completedFuture(AuthResult.refused(code, message));
  }
}
