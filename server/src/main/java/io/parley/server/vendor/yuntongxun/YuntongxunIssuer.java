package io.parley.server.vendor.yuntongxun;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.yuntongxun.YuntongxunUserName;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.account.AccountException;
import io.parley.server.vendor.Accounts;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.auth.VendorIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Issues a Yuntongxun sub-account (creating it when new) or, as the shared login, the app-token login. */
final class YuntongxunIssuer implements VendorIssuer {
  private final Accounts accounts;

  YuntongxunIssuer(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public IssuedCredential issue(App app, String user, Duration validity, boolean sharedLogin, long nowMillis)
      throws AccountException {
    return sharedLogin ? anyAccount(app, user) : subAccount(app, user);
  }

  private static IssuedCredential anyAccount(App app, String user) throws AccountException {
    AppSecrets.Yuntongxun y = app.secrets(AppSecrets.Yuntongxun.class);
    if (!y.anyAccountLogin()) {
      throw new AccountException(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED,
          "app " + app.id() + " has any-account login turned off (anyAccountLogin: false); issue a sub-account instead");
    }
    Optional<String> problem = YuntongxunUserName.problem(user);
    if (problem.isPresent()) {
      throw new AccountException(ErrorCodes.YUNTONGXUN_BAD_FORMAT, problem.get());
    }
    return new IssuedCredential(app.id(), CredentialKind.YUNTONGXUN_APP_TOKEN, user, y.appToken(),
        List.of("any-account login: the APP TOKEN admits any valid user name of this app (no per-user secret)"));
  }

  private IssuedCredential subAccount(App app, String user) throws AccountException {
    Optional<SubAccount> existing = accounts.subAccountByName(app, user);
    SubAccount sub = existing.isPresent() ? existing.get() : accounts.createSubAccount(app, user);
    return new IssuedCredential(app.id(), CredentialKind.YUNTONGXUN_VOIP, sub.voipAccount(), sub.voipPwd(),
        List.of((existing.isPresent() ? "existing" : "new") + " sub-account \"" + user + "\": log in as voipAccount "
            + sub.voipAccount() + " with its voipPwd"));
  }
}
