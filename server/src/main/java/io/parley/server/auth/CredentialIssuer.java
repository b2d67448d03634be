package io.parley.server.auth;

import io.parley.server.account.AccountException;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Issues a working credential of an app's kind for a user, through that app's vendor's {@link VendorIssuer}: a
 * UserSig, a Rongcloud token, a NetEase account's token, a Yuntongxun sub-account or any-account login. Blocking:
 * run it off event loops.
 */
public final class CredentialIssuer {
  private final Map<VendorKind, VendorIssuer> issuers;
  private final Clock clock;

  public CredentialIssuer(Map<VendorKind, VendorIssuer> issuers, Clock clock) {
    this.issuers = Map.copyOf(issuers);
    this.clock = clock;
  }

  /**
   * @param validity how long a UserSig (or another vendor's expiring credential) stays valid
   * @param sharedLogin for a vendor with an app-wide login (Yuntongxun's app token): that instead of a user account
   * @throws AccountException when the vendor would refuse (for instance a bad user name)
   */
  public IssuedCredential issue(App app, String user, Duration validity, boolean sharedLogin) throws AccountException {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("the user id is empty");
    }
    VendorIssuer issuer = issuers.get(app.vendor());
    if (issuer == null) {
      throw new IllegalStateException("this server issues no " + app.vendor().configName() + " credentials");
    }
    return issuer.issue(app, user, validity, sharedLogin, clock.millis());
  }
}
