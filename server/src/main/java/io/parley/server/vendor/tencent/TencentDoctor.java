package io.parley.server.vendor.tencent;

import io.parley.server.doctor.Diagnosis;
import io.parley.server.doctor.DoctorCase;
import io.parley.server.doctor.Times;
import io.parley.server.doctor.VendorDoctor;

import io.parley.protocol.credential.tencent.DecodedUserSig;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.credential.tencent.UserSigCheck;
import io.parley.protocol.credential.tencent.UserSigCheck.Outcome;
import io.parley.protocol.credential.tencent.UserSigFormatException;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Explains a Tencent UserSig: every field, each check of {@link UserSig#check}, and the fix for the first failure. */
final class TencentDoctor implements VendorDoctor {
  @Override
  public Diagnosis examine(DoctorCase c) {
    return examine(c.app(), c.allApps(), c.user(), c.credential(), c.now(), c.zone());
  }

  private static Diagnosis examine(App app, Collection<App> allApps, String user, String userSig, Instant now,
      ZoneId zone) {
    String subject = "UserSig for user \"" + user + "\" of Tencent app " + app.id();
    String key = app.secrets(AppSecrets.Tencent.class).key();
    UserSigCheck check = UserSig.check(userSig, app.sdkAppId(), key, user, now.getEpochSecond());
    List<Diagnosis.Field> fields = new ArrayList<>();
    List<Diagnosis.Check> checks = new ArrayList<>();
    List<String> fixes = new ArrayList<>();

    DecodedUserSig d;
    try {
      d = UserSig.decode(userSig);
    } catch (UserSigFormatException e) {
      checks.add(new Diagnosis.Check(false, "decodes (Base64 with *-_ for +/=, then zlib, then JSON): " + e.getMessage()));
      fixes.add("Pass the UserSig exactly as the signer printed it: no quotes, no line breaks, not URL-encoded twice.");
      fixes.add("Generate one with the official TLSSigAPIv2 (genUserSig) or `parley-server credential --app " + app.id()
          + " --user " + user + "`.");
      return new Diagnosis(subject, fields, checks, check.outcome().code(), check.reason(), fixes);
    }
    Instant issued = Instant.ofEpochSecond(d.time());
    Instant expires = d.expiresAtEpochSeconds() > Instant.MAX.getEpochSecond() ? Instant.MAX
        : Instant.ofEpochSecond(d.expiresAtEpochSeconds());
    fields.add(new Diagnosis.Field("TLS.ver", d.version()));
    fields.add(new Diagnosis.Field("TLS.identifier", d.identifier()));
    fields.add(new Diagnosis.Field("TLS.sdkappid", Long.toString(d.sdkAppId())));
    fields.add(new Diagnosis.Field("TLS.time", d.time() + " = issued " + Times.local(issued, zone) + ", "
        + Times.relative(issued, now)));
    fields.add(new Diagnosis.Field("TLS.expire", d.expire() + " s (" + Times.human(java.time.Duration.ofSeconds(d.expire())) + ")"));
    fields.add(new Diagnosis.Field("expires", Times.local(expires, zone) + ", " + Times.relative(expires, now)));
    byte[] userbuf = d.userbufOrNull();
    fields.add(new Diagnosis.Field("TLS.userbuf", userbuf == null ? "none"
        : userbuf.length + " bytes, " + Base64.getEncoder().encodeToString(userbuf)));
    fields.add(new Diagnosis.Field("TLS.sig", d.sig()));

    checks.add(new Diagnosis.Check(true, "decodes (Base64 with *-_ for +/=, then zlib, then JSON)"));
    boolean versionOk = UserSig.VERSION.equals(d.version());
    checks.add(new Diagnosis.Check(versionOk, "TLS.ver is " + UserSig.VERSION));
    if (!versionOk) {
      fixes.add("Sign with TLSSigAPIv2 (version 2.0); the older TLSSigAPI (ECDSA, version 1) is not accepted.");
      return done(subject, fields, checks, check, fixes);
    }
    boolean appOk = d.sdkAppId() == app.sdkAppId();
    checks.add(new Diagnosis.Check(appOk, "TLS.sdkappid " + d.sdkAppId() + " is this app's SDKAppID " + app.id()));
    if (!appOk) {
      fixes.add("Sign with SDKAppID " + app.id() + " (and its key), or log in to app " + d.sdkAppId() + " instead.");
      return done(subject, fields, checks, check, fixes);
    }
    boolean userOk = d.identifier().equals(user);
    checks.add(new Diagnosis.Check(userOk, "TLS.identifier \"" + d.identifier() + "\" is the user logging in, \"" + user + "\""));
    if (!userOk) {
      fixes.add("Generate the UserSig for identifier \"" + user + "\", or log in as \"" + d.identifier() + "\".");
      return done(subject, fields, checks, check, fixes);
    }
    boolean sigOk = check.outcome() != Outcome.BAD_SIGNATURE;
    checks.add(new Diagnosis.Check(sigOk, "TLS.sig is the HMAC-SHA256 of the fields under app " + app.id() + "'s key"));
    if (!sigOk) {
      String otherKey = signedWithAnotherApp(userSig, d, allApps, app);
      if (otherKey != null) {
        fixes.add("It was signed with the key of app " + otherKey + ": sign with app " + app.id() + "'s key.");
      } else {
        fixes.add("Either the signer uses another key than the one configured for app " + app.id()
            + " (compare the key your app server signs with against this server's config), or the UserSig was"
            + " edited after signing (a changed expire or identifier breaks the signature).");
      }
      return done(subject, fields, checks, check, fixes);
    }
    boolean fresh = check.outcome() != Outcome.EXPIRED;
    checks.add(new Diagnosis.Check(fresh, "not expired: valid until " + Times.local(expires, zone)));
    if (!fresh) {
      fixes.add("Issue a new UserSig; the client SDK's onCredentialExpired is the moment to fetch one. Expired "
          + Times.relative(expires, now) + " after " + Times.human(java.time.Duration.ofSeconds(d.expire()))
          + " of validity.");
    }
    if (issued.isAfter(now.plusSeconds(300))) {
      fixes.add("Note: it was issued " + Times.relative(issued, now) + ": the signing server's clock runs ahead.");
    }
    return done(subject, fields, checks, check, fixes);
  }

  private static Diagnosis done(String subject, List<Diagnosis.Field> fields, List<Diagnosis.Check> checks,
      UserSigCheck check, List<String> fixes) {
    return new Diagnosis(subject, fields, checks, check.outcome().code(), check.reason(), fixes);
  }

  /** The id of another hosted Tencent app whose key does sign these fields, or null. */
  private static String signedWithAnotherApp(String userSig, DecodedUserSig d, Collection<App> apps, App app) {
    for (App other : apps) {
      if (other != app && other.secrets() instanceof AppSecrets.Tencent t) {
        if (UserSig.check(userSig, d.sdkAppId(), t.key(), d.identifier(), d.time()).outcome() != Outcome.BAD_SIGNATURE) {
          return other.id();
        }
      }
    }
    return null;
  }
}
