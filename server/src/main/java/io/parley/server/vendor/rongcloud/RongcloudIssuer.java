package io.parley.server.vendor.rongcloud;

import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.auth.IssuedCredential;
import io.parley.server.auth.VendorIssuer;
import java.time.Duration;
import java.util.List;

/** Issues Rongcloud tokens (what user/getToken returns): they name the user and need no stored account. */
final class RongcloudIssuer implements VendorIssuer {
  @Override
  public IssuedCredential issue(App app, String user, Duration validity, boolean sharedLogin, long nowMillis) {
    String token = RongcloudToken.issue(app.id(), user, nowMillis,
        RongcloudToken.signingKey(app.secrets(AppSecrets.Rongcloud.class).appSecret()));
    return new IssuedCredential(app.id(), CredentialKind.RONGCLOUD_TOKEN, user, token,
        List.of("token valid until the app expires this user's tokens (user/token/expire) or changes its App Secret"));
  }
}
