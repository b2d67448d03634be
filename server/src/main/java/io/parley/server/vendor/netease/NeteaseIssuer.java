package io.parley.server.vendor.netease;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.account.AccountException;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.auth.VendorIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Issues a NetEase account's token: creates the account, or refreshes the token of one that exists. */
final class NeteaseIssuer implements VendorIssuer {
  /** NetEase's code for creating an accid that exists ("already register"). */
  private static final int ALREADY_REGISTERED = 414;

  private final Accounts accounts;

  NeteaseIssuer(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public IssuedCredential issue(App app, String user, Duration validity, boolean sharedLogin, long nowMillis)
      throws AccountException {
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
    return new IssuedCredential(app.id(), CredentialKind.NETEASE_TOKEN, user, token,
        List.of(exists ? "account existed: its token was refreshed (the old token no longer works)"
            : "account created with a generated token"));
  }
}
