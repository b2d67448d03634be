package io.parley.server.auth;

import io.parley.server.app.VendorKind;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.App;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.account.Accounts;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * Decides whether a login's credential admits a user to an app, without blocking the calling event loop: finds the
 * app, refuses throttled addresses and users, checks that the app accepts the credential kind, and hands the
 * credential to that kind's verifier. Refusals are counted by the {@link LoginThrottle}.
 */
public final class AuthService {
  private final AppRegistry apps;
  private final LoginThrottle throttle;
  private final TencentUserSigVerifier tencent;
  private final RongcloudTokenVerifier rongcloud;
  private final Map<CredentialKind, CredentialVerifier> verifiers = new EnumMap<>(CredentialKind.class);

  /**
   * @param accounts the vendor account store; null for a server without one (unit tests, benchmarks), which then
   *     verifies only Tencent UserSigs and Yuntongxun any-account logins
   * @param verifyExecutor runs signature checks and account lookups; never an event loop
   * @param clock the time against which credential expiry is judged
   * @param cacheMaxEntries how many verified credentials to remember
   */
  public AuthService(AppRegistry apps, LoginThrottle throttle, Accounts accounts, Executor verifyExecutor, Clock clock,
      int cacheMaxEntries) {
    this.apps = Objects.requireNonNull(apps, "apps");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    Objects.requireNonNull(verifyExecutor, "verifyExecutor");
    Objects.requireNonNull(clock, "clock");
    if (cacheMaxEntries < 0) {
      throw new IllegalArgumentException("cacheMaxEntries must not be negative, was " + cacheMaxEntries);
    }
    this.tencent = new TencentUserSigVerifier(verifyExecutor, clock, cacheMaxEntries);
    verifiers.put(CredentialKind.TENCENT_USERSIG, tencent);
    YuntongxunVerifier yuntongxun = new YuntongxunVerifier(accounts, verifyExecutor);
    verifiers.put(CredentialKind.YUNTONGXUN_APP_TOKEN, yuntongxun);
    if (accounts != null) {
      this.rongcloud = new RongcloudTokenVerifier(accounts, verifyExecutor, cacheMaxEntries);
      verifiers.put(CredentialKind.RONGCLOUD_TOKEN, rongcloud);
      verifiers.put(CredentialKind.NETEASE_TOKEN, new NeteaseTokenVerifier(accounts, verifyExecutor));
      verifiers.put(CredentialKind.YUNTONGXUN_VOIP, yuntongxun);
    } else {
      this.rongcloud = null;
    }
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

  /**
   * Checks the credential of a Tencent REST call ({@code ?sdkappid=&identifier=&usersig=}): the identifier must be
   * the app's admin identifier and the UserSig valid for it, with the same codes (and cache) as a login.
   */
  public CompletableFuture<AuthResult> authenticateTencentAdmin(
      String sdkAppId, String identifier, String userSig, String sourceAddress) {
    LoginAttempt attempt = new LoginAttempt(sdkAppId, identifier, CredentialKind.TENCENT_USERSIG, userSig, sourceAddress);
    Optional<App> found = apps.find(sdkAppId);
    if (found.isEmpty() || found.get().vendor() != VendorKind.TENCENT) {
      return failed(attempt, ErrorCodes.UNKNOWN_APP, "No Tencent app with SDKAppID \"" + sdkAppId + "\" is hosted here.");
    }
    Optional<String> throttled = throttle.refusal(attempt);
    if (throttled.isPresent()) {
      return refused(ErrorCodes.TOO_MANY_LOGIN_ATTEMPTS, throttled.get());
    }
    String admin = found.get().secrets(AppSecrets.Tencent.class).adminIdentifier();
    if (!admin.equals(identifier)) {
      return failed(attempt, ErrorCodes.TENCENT_NO_PERMISSION, "Identifier \"" + identifier + "\" is not the REST admin of app "
          + sdkAppId + "; sign the REST UserSig for \"" + admin + "\".");
    }
    return countingFailures(attempt, tencent.verify(found.get(), attempt));
  }

  /** Drops what was cached under an app's old secrets after a reload changed or removed it. */
  public void appsChanged(AppRegistry.Changes changes) {
    Stream.concat(changes.changed().stream(), changes.removed().stream()).forEach(app -> forget(app.id()));
  }

  private void forget(String appId) {
    tencent.forget(appId);
    if (rongcloud != null) {
      rongcloud.forget(appId);
    }
  }

  private static Optional<String> kindProblem(App app, CredentialKind kind) {
    if (!app.vendor().credentialKinds().contains(kind)) {
      return Optional.of("App " + app.id() + " is a " + app.vendor().configName() + " app and accepts "
          + app.vendor().credentialKinds() + " credentials, not " + kind + ".");
    }
    if (kind == CredentialKind.YUNTONGXUN_APP_TOKEN && !app.secrets(AppSecrets.Yuntongxun.class).anyAccountLogin()) {
      return Optional.of("App " + app.id() + " has any-account login turned off (anyAccountLogin: false); log in with"
          + " the user's sub-account: voipAccount as user id, voipPwd as credential (kind YUNTONGXUN_VOIP).");
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
