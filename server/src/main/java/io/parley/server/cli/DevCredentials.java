package io.parley.server.cli;

import io.parley.server.account.AccountException;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.auth.CredentialIssuer;
import io.parley.server.config.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines the sandbox banner prints for one dev app: its public dev secrets and a ready credential for alice
 * (other users: {@code parley-server credential}).
 */
final class DevCredentials {
  private DevCredentials() {}

  static List<String> describe(App app) {
    List<String> lines = new ArrayList<>();
    AppSecrets secrets = app.secrets();
    if (secrets instanceof AppSecrets.Tencent t) {
      lines.add("SDKAppID " + app.id() + ", key " + t.key() + ", admin identifier " + t.adminIdentifier()
          + "   (public by design: sandbox only)");
      lines.add("UserSig (alice, 24 h): " + alice(app));
    } else if (secrets instanceof AppSecrets.Rongcloud r) {
      lines.add("App Key " + app.id() + ", App Secret " + r.appSecret());
      lines.add("token (alice): " + alice(app));
    } else if (secrets instanceof AppSecrets.Netease n) {
      lines.add("AppKey " + app.id() + ", AppSecret " + n.appSecret());
      lines.add("accid alice, token " + Sandbox.NETEASE_ALICE_TOKEN + "   (seeded by the sandbox)");
    } else if (secrets instanceof AppSecrets.Yuntongxun y) {
      lines.add("ACCOUNT SID " + y.accountSid() + ", AUTH TOKEN " + y.authToken() + ", AppID " + app.id()
          + ", APP TOKEN " + y.appToken());
      if (y.anyAccountLogin()) {
        lines.add("any-account login: user alice, credential (YUNTONGXUN_APP_TOKEN) " + y.appToken());
      }
      lines.add("sub-account login: parley-server credential --app " + app.id() + " --user alice");
    }
    return lines;
  }

  /** A credential for alice as {@code parley-server credential} issues it; these kinds need no account store. */
  private static String alice(App app) {
    try {
      return io.parley.server.vendor.Vendors.issuer(null, Clock.systemUTC()).issue(app, "alice", Duration.ofDays(1), false).credential();
    } catch (AccountException e) {
      throw new IllegalStateException("a dev credential could not be issued: " + e.getMessage(), e);
    }
  }
}
