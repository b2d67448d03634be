package io.parley.server.vendor.yuntongxun;

import io.parley.server.auth.AuthResult;
import io.parley.server.auth.CredentialVerifier;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.auth.OffLoop;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.App;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.yuntongxun.YuntongxunUserName;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.vendor.Accounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Verifies both Yuntongxun login modes: a sub-account (voipAccount + voipPwd, checked against the account store on
 * the verify executor) and any-account (the APP TOKEN plus a user name that follows the vendor's rules, checked at
 * once: it trusts whoever holds the app token).
 */
final class YuntongxunVerifier implements CredentialVerifier {
  /** What a voipAccount looks like; any-account names of this shape would alias sub-accounts. */
  static final String VOIP_ACCOUNT_SHAPE = "[0-9]{14}";

  private final Accounts accounts;
  private final Executor executor;

  YuntongxunVerifier(Accounts accounts, Executor executor) {
    this.accounts = accounts;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<AuthResult> verify(App app, LoginAttempt attempt) {
    if (attempt.kind() == CredentialKind.YUNTONGXUN_APP_TOKEN) {
      if (!app.secrets(AppSecrets.Yuntongxun.class).anyAccountLogin()) {
        return CompletableFuture.completedFuture(AuthResult.refused(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED,
            "App " + app.id() + " has any-account login turned off (anyAccountLogin: false); log in with"
                + " the user's sub-account: voipAccount as user id, voipPwd as credential (kind YUNTONGXUN_VOIP)."));
      }
      return CompletableFuture.completedFuture(anyAccount(app, attempt));
    }
    if (attempt.credential().isEmpty()) {
      return CompletableFuture.completedFuture(
          AuthResult.refused(ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN, "voipPwd is missing."));
    }
    return OffLoop.verify(executor, () -> subAccount(app, attempt), "sub-account");
  }

  private static AuthResult anyAccount(App app, LoginAttempt attempt) {
    byte[] expected = app.secrets(AppSecrets.Yuntongxun.class).appToken().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, attempt.credential().getBytes(StandardCharsets.UTF_8))) {
      return AuthResult.refused(ErrorCodes.YUNTONGXUN_TOKEN_INVALID, attempt.credential().isEmpty()
          ? "APP TOKEN is missing." : "APP TOKEN is not app " + app.id() + "'s.");
    }
    Optional<String> problem = YuntongxunUserName.problem(attempt.userId());
    if (problem.isPresent()) {
      return AuthResult.refused(ErrorCodes.YUNTONGXUN_BAD_FORMAT, "User name \"" + attempt.userId()
          + "\" breaks the vendor's rules: " + problem.get());
    }
    if (attempt.userId().matches(VOIP_ACCOUNT_SHAPE)) {
      // 14 digits is the shape of a sub-account's voipAccount: such a name would be that sub-account's identity.
      return AuthResult.refused(ErrorCodes.YUNTONGXUN_BAD_FORMAT, "User name \"" + attempt.userId()
          + "\" has the shape of a sub-account's voipAccount (14 digits), which any-account login may not use.");
    }
    return AuthResult.ok(app, attempt.userId(), 0);
  }

  private AuthResult subAccount(App app, LoginAttempt attempt) {
    String voipAccount = attempt.userId();
    return switch (accounts.checkVoipLogin(app, voipAccount, attempt.credential())) {
      case OK -> AuthResult.ok(app, voipAccount, 0);
      case NO_SUCH_ACCOUNT -> AuthResult.refused(ErrorCodes.YUNTONGXUN_SUBACCOUNT_NOT_FOUND,
          "No sub-account with voipAccount \"" + voipAccount + "\" in app " + app.id() + " (never created, or closed).");
      case WRONG_PASSWORD -> AuthResult.refused(ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN,
          "Wrong voipPwd for voipAccount \"" + voipAccount + "\".");
    };
  }
}
