package io.parley.server.vendor.netease;

import io.parley.server.auth.AuthResult;
import io.parley.server.auth.CredentialVerifier;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.auth.OffLoop;
import io.parley.server.app.App;
import io.parley.protocol.ErrorCodes;
import io.parley.server.vendor.Accounts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Verifies NetEase Yunxin static-token logins (accid + token) against the account store, on the verify executor. */
final class NeteaseTokenVerifier implements CredentialVerifier {
  private final Accounts accounts;
  private final Executor executor;

  NeteaseTokenVerifier(Accounts accounts, Executor executor) {
    this.accounts = accounts;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<AuthResult> verify(App app, LoginAttempt attempt) {
    if (attempt.credential().isEmpty()) {
      return CompletableFuture.completedFuture(
          AuthResult.refused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "Token is missing."));
    }
    return OffLoop.verify(executor, () -> check(app, attempt), "token");
  }

  private AuthResult check(App app, LoginAttempt attempt) {
    String accid = attempt.userId();
    return switch (accounts.checkNeteaseLogin(app, accid, attempt.credential())) {
      case OK -> AuthResult.ok(app, accid, 0);
      case NO_SUCH_ACCOUNT -> AuthResult.refused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN,
          "No account \"" + accid + "\" in app " + app.id() + ": create it first (user/create.action).");
      case WRONG_TOKEN -> AuthResult.refused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN,
          "Wrong token for account \"" + accid + "\" (it may have been updated or refreshed).");
      case BLOCKED -> AuthResult.refused(ErrorCodes.NETEASE_BLOCKED,
          "Account \"" + accid + "\" is blocked by the app (user/block.action).");
    };
  }
}
