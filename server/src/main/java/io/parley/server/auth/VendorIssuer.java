package io.parley.server.auth;

import io.parley.server.account.AccountException;
import io.parley.server.app.App;
import java.time.Duration;

/** Issues one vendor's client credential for a user, the way that vendor's app server would get one. */
public interface VendorIssuer {
  /**
   * @param validity how long a signed credential stays valid, where the vendor's credentials carry an expiry
   * @param sharedLogin the app-wide login that admits any user (where the vendor has one) instead of a per-user account
   * @throws AccountException when the vendor would refuse (for instance a bad user name)
   */
  IssuedCredential issue(App app, String user, Duration validity, boolean sharedLogin, long nowMillis)
      throws AccountException;
}
