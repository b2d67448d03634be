package io.parley.server.vendor.rongcloud;

import io.parley.protocol.credential.rongcloud.DecodedRongcloudToken;
import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.credential.rongcloud.RongcloudTokenFormatException;
import io.parley.server.app.AppSecrets;
import java.time.Instant;
import io.parley.server.app.App;
import io.parley.server.vendor.Accounts;
import io.parley.server.auth.AuthResult;
import io.parley.server.doctor.Diagnosis;
import io.parley.server.doctor.DoctorCase;
import io.parley.server.doctor.VendorDoctor;
import java.util.ArrayList;
import java.util.List;

/** Explains a Rongcloud token: what it names, whether this server signed it, and whether the app expired it. */
final class RongcloudDoctor implements VendorDoctor {
  private final Accounts accounts;

  RongcloudDoctor(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Diagnosis examine(DoctorCase c) {
    App app = c.app();
    String user = c.user();
    String token = c.credential();
    AuthResult verdict = c.verdict();
    String subject = "Rongcloud token for " + (user.isEmpty() ? "the user it names" : "user \"" + user + "\"")
        + " of app " + app.id();
    List<Diagnosis.Field> fields = new ArrayList<>();
    List<Diagnosis.Check> checks = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    DecodedRongcloudToken d;
    try {
      d = RongcloudToken.decode(token);
    } catch (RongcloudTokenFormatException e) {
      checks.add(new Diagnosis.Check(false, "decodes: " + e.getMessage()));
      fixes.add("Pass the token exactly as getToken returned it. Parley's tokens start with \"RC1.\"; a token from"
          + " Rongcloud's own cloud does not work here: get one from this server (user/getToken.json, or"
          + " `parley-server credential --app " + app.id() + " --user <id>`).");
      return new Diagnosis(subject, fields, checks, verdict.code(), verdict.message(), fixes);
    }
    Instant issued = Instant.ofEpochMilli(d.issuedAtMillis());
    fields.add(new Diagnosis.Field("app key", d.appKey()));
    fields.add(new Diagnosis.Field("user id", d.userId()));
    fields.add(new Diagnosis.Field("issued", io.parley.server.doctor.Times.local(issued, c.zone()) + ", " + io.parley.server.doctor.Times.relative(issued, c.now())));
    checks.add(new Diagnosis.Check(true, "decodes"));
    boolean appOk = d.appKey().equals(app.id());
    checks.add(new Diagnosis.Check(appOk, "issued for this App Key, " + app.id()));
    if (!appOk) {
      fixes.add("Connect to app " + d.appKey() + ", or get a token from app " + app.id() + ".");
      return new Diagnosis(subject, fields, checks, verdict.code(), verdict.message(), fixes);
    }
    byte[] key = RongcloudToken.signingKey(app.secrets(AppSecrets.Rongcloud.class).appSecret());
    boolean sigOk = RongcloudToken.check(token, app.id(), key, "").isOk();
    checks.add(new Diagnosis.Check(sigOk, "signed by this server under app " + app.id() + "'s App Secret"));
    if (!sigOk) {
      fixes.add("The token was altered, or issued before the app's App Secret changed (a new secret revokes every"
          + " token): get a new token.");
      return new Diagnosis(subject, fields, checks, verdict.code(), verdict.message(), fixes);
    }
    boolean userOk = user.isEmpty() || user.equals(d.userId());
    checks.add(new Diagnosis.Check(userOk, user.isEmpty() ? "names the user (" + d.userId() + ")"
        : "names the user logging in, \"" + user + "\""));
    if (!userOk) {
      fixes.add("Log in as \"" + d.userId() + "\" (or leave the user id empty), or get a token for \"" + user + "\".");
      return new Diagnosis(subject, fields, checks, verdict.code(), verdict.message(), fixes);
    }
    long validFrom = accounts.rongcloudTokensValidFrom(app, d.userId());
    boolean notRevoked = d.issuedAtMillis() >= validFrom;
    checks.add(new Diagnosis.Check(notRevoked, validFrom == 0 ? "not expired by the app (the user's tokens were never expired)"
        : "issued after the app last expired this user's tokens, at " + io.parley.server.doctor.Times.local(Instant.ofEpochMilli(validFrom), c.zone())));
    if (!notRevoked) {
      fixes.add("The app expired this user's tokens (user/token/expire) after this one was issued: get a new token.");
    }
    return new Diagnosis(subject, fields, checks, verdict.code(), verdict.message(), fixes);
  }

}
