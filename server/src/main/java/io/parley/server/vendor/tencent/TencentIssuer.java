package io.parley.server.vendor.tencent;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.auth.VendorIssuer;
import java.time.Duration;
import java.util.List;

/** Issues UserSigs, signed with the app's key as Tencent's own signer does. */
final class TencentIssuer implements VendorIssuer {
  @Override
  public IssuedCredential issue(App app, String user, Duration validity, boolean sharedLogin, long nowMillis) {
    AppSecrets.Tencent t = app.secrets(AppSecrets.Tencent.class);
    String sig = UserSig.generate(app.sdkAppId(), t.key(), user, validity.toSeconds(), null, nowMillis / 1000);
    return new IssuedCredential(app.id(), CredentialKind.TENCENT_USERSIG, user, sig,
        List.of("UserSig valid for " + validity.toSeconds() + " s"));
  }
}
