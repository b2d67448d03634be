package io.parley.server.auth;

import io.parley.server.app.AppSecrets;
import io.parley.server.app.App;
import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.credential.yuntongxun.YuntongxunUserName;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.account.AccountException;
import io.parley.server.account.Accounts;
import io.parley.server.account.SubAccount;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Issues a working credential of an app's kind for a user, the way that vendor's app server would get one: a
 * UserSig, a Rongcloud token, a NetEase account's token (creating the account or refreshing its token), or a
 * Yuntongxun sub-account (creating it) or any-account login. Blocking: run it off event loops.
 */
public final class CredentialIssuer {
  /** NetEase's code for creating an accid that exists ("already register"). */
  private static final int ALREADY_REGISTERED = 414;

  private final Accounts accounts;
  private final Clock clock;

  /** @param accounts the account store; may be null when only UserSigs, Rongcloud tokens and app-token logins are issued */
  public CredentialIssuer(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * @param tencentValidity how long a UserSig stays valid
   * @param yuntongxunAnyAccount for a Yuntongxun app: the any-account (app token) login instead of a sub-account
   * @throws AccountException when the vendor would refuse (for instance a bad user name)
   */
  public IssuedCredential issue(App app, String user, Duration tencentValidity, boolean yuntongxunAnyAccount)
      throws AccountException {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("the user id is empty");
    }
    long nowMillis = clock.millis();
    return switch (app.vendor()) {
      case TENCENT -> {
        AppSecrets.Tencent t = app.secrets(AppSecrets.Tencent.class);
        String sig = UserSig.generate(app.sdkAppId(), t.key(), user, tencentValidity.toSeconds(), null, nowMillis / 1000);
        yield new IssuedCredential(app.id(), CredentialKind.TENCENT_USERSIG, user, sig,
            List.of("UserSig valid for " + tencentValidity.toSeconds() + " s"));
      }
      case RONGCLOUD -> {
        String token = RongcloudToken.issue(app.id(), user, nowMillis,
            RongcloudToken.signingKey(app.secrets(AppSecrets.Rongcloud.class).appSecret()));
        yield new IssuedCredential(app.id(), CredentialKind.RONGCLOUD_TOKEN, user, token,
            List.of("token valid until the app expires this user's tokens (user/token/expire) or changes its App Secret"));
      }
      case NETEASE -> {
        boolean exists = false;
        String token;
        try {
          token = accounts.createNeteaseAccount(app, user, Optional.empty());
        } catch (AccountException e) {
          if (e.code() != ALREADY_REGISTERED) {
            throw e;
          }
          exists = true;
          token = accounts.refreshNeteaseToken(app, user);
        }
        yield new IssuedCredential(app.id(), CredentialKind.NETEASE_TOKEN, user, token,
            List.of(exists ? "account existed: its token was refreshed (the old token no longer works)"
                : "account created with a generated token"));
      }
      case YUNTONGXUN -> yuntongxunAnyAccount ? anyAccount(app, user) : subAccount(app, user);
    };
  }

  private static IssuedCredential anyAccount(App app, String user) throws AccountException {
    AppSecrets.Yuntongxun y = app.secrets(AppSecrets.Yuntongxun.class);
    if (!y.anyAccountLogin()) {
      throw new AccountException(io.parley.protocol.ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED,
          "app " + app.id() + " has any-account login turned off (anyAccountLogin: false); issue a sub-account instead");
    }
    Optional<String> problem = YuntongxunUserName.problem(user);
    if (problem.isPresent()) {
      throw new AccountException(io.parley.protocol.ErrorCodes.YUNTONGXUN_BAD_FORMAT, problem.get());
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
