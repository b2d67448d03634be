package io.parley.server.auth;

import io.parley.server.app.AppRegistry;
import io.parley.server.app.App;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.CredentialKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Decides whether a login's credential admits a user to an app, without blocking the calling event loop: finds the
 * app, refuses throttled addresses and users, checks that the app accepts the credential kind, and hands the
 * credential to that kind's verifier. Refusals are counted by the {@link LoginThrottle}.
 */
public final class AuthService {
  private final AppRegistry apps;
  private final LoginThrottle throttle;
  private final Map<CredentialKind, CredentialVerifier> verifiers;

  /**
   * @param verifiers one per credential kind this server can check (the vendors' registry builds them); a kind
   *     without one is answered {@link ErrorCodes#UNAVAILABLE} (a server without an account store)
   */
  public AuthService(AppRegistry apps, LoginThrottle throttle, Map<CredentialKind, CredentialVerifier> verifiers) {
    this.apps = Objects.requireNonNull(apps, "apps");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.verifiers = Map.copyOf(verifiers);
  }

  /** The apps this service admits users to. */
  public AppRegistry apps() {
    return apps;
  }

  /** Checks a login; never completes exceptionally. */
  public CompletableFuture<AuthResult> authenticate(LoginAttempt attempt) {
    Optional<App> found = apps.find(attempt.appId());
    if (found.isEmpty()) {
      return failed(attempt, ErrorCodes.UNKNOWN_APP, "No app with id \"" + attempt.appId() + "\" is hosted here.");
    }
    Optional<String> throttled = throttle.refusal(attempt);
    if (throttled.isPresent()) {
      return refused(ErrorCodes.TOO_MANY_LOGIN_ATTEMPTS, throttled.get());
    }
    App app = found.get();
    Optional<String> kindProblem = kindProblem(app, attempt.kind());
    if (kindProblem.isPresent()) {
      return failed(attempt, ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED, kindProblem.get());
    }
    CredentialVerifier verifier = verifiers.get(attempt.kind());
    if (verifier == null) {
      return refused(ErrorCodes.UNAVAILABLE, "This server has no account store and cannot verify " + attempt.kind()
          + " credentials.");
    }
    return countingFailures(attempt, verifier.verify(app, attempt));
  }

  /** Whether a login with this kind of credential may leave its user id empty (the credential names the user). */
  public boolean credentialNamesUser(CredentialKind kind) {
    CredentialVerifier verifier = verifiers.get(kind);
    return verifier != null && verifier.namesUser();
  }

  /** Drops what was cached under an app's old secrets after a reload changed or removed it. */
  public void appsChanged(AppRegistry.Changes changes) {
    Stream.concat(changes.changed().stream(), changes.removed().stream()).forEach(app -> forget(app.id()));
  }

  private void forget(String appId) {
    verifiers.values().stream().distinct().forEach(v -> v.forget(appId));
  }

  private static Optional<String> kindProblem(App app, CredentialKind kind) {
    if (!app.vendor().credentialKinds().contains(kind)) {
      return Optional.of("App " + app.id() + " is a " + app.vendor().configName() + " app and accepts "
          + app.vendor().credentialKinds() + " credentials, not " + kind + ".");
    }
    return Optional.empty();
  }

  /** A refusal that counts against the attempt's address and user. */
  private CompletableFuture<AuthResult> failed(LoginAttempt attempt, int code, String message) {
    throttle.failed(attempt);
    return refused(code, message);
  }

  /** The verifier's answer, with a refusal counted against the attempt's address and user. */
  private CompletableFuture<AuthResult> countingFailures(LoginAttempt attempt, CompletableFuture<AuthResult> verdict) {
    return verdict.thenApply(result -> {
      if (!result.ok()) {
        throttle.failed(attempt);
      }
      return result;
    });
  }

  private static CompletableFuture<AuthResult> refused(int code, String message) {
    return CompletableFuture.completedFuture(AuthResult.refused(code, message));
  }
}
