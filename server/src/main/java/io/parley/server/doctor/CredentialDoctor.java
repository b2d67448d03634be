package io.parley.server.doctor;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.rongcloud.DecodedRongcloudToken;
import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.credential.rongcloud.RongcloudTokenFormatException;
import io.parley.protocol.credential.yuntongxun.YuntongxunUserName;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.account.Accounts;
import io.parley.server.account.NeteaseLogin;
import io.parley.server.account.VoipLogin;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.AppSecrets;
import io.parley.server.auth.AuthResult;
import io.parley.server.auth.AuthService;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.app.VendorKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Explains why a credential would or would not log a user in: decodes it, lists the checks a login makes with their
 * outcome, gives the verdict a login gets (the same code and message, from the same verifiers) and the fix.
 * Blocking: run it off event loops.
 */
public final class CredentialDoctor {
  private final AppRegistry apps;
  private final AuthService auth;
  private final Accounts accounts;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param auth the verifiers logins use, with a throttle that does not count the doctor's checks
   * @param zone the operator's time zone, for issue and expiry times
   */
  public CredentialDoctor(AppRegistry apps, AuthService auth, Accounts accounts, Clock clock, ZoneId zone) {
    this.apps = apps;
    this.auth = auth;
    this.accounts = accounts;
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * @param kind the credential kind, or null for the app's usual one (a Yuntongxun sub-account)
   * @throws IllegalArgumentException when the app is unknown
   */
  public Diagnosis examine(String appId, String user, CredentialKind kind, String credential) {
    App app = apps.find(appId).orElseThrow(() -> new IllegalArgumentException("no app \"" + appId + "\" is hosted here"));
    String u = user == null ? "" : user;
    String c = credential == null ? "" : credential.strip();
    CredentialKind k = kind != null ? kind : switch (app.vendor()) {
      case TENCENT -> CredentialKind.TENCENT_USERSIG;
      case RONGCLOUD -> CredentialKind.RONGCLOUD_TOKEN;
      case NETEASE -> CredentialKind.NETEASE_TOKEN;
      case YUNTONGXUN -> CredentialKind.YUNTONGXUN_VOIP;
    };
    if (app.vendor() == VendorKind.TENCENT && k == CredentialKind.TENCENT_USERSIG) {
      return TencentDoctor.examine(app, apps.all(), u, c, clock.instant(), zone);
    }
    AuthResult verdict = verdict(app, u, k, c);
    return switch (k) {
      case RONGCLOUD_TOKEN -> rongcloud(app, u, c, verdict);
      case NETEASE_TOKEN -> netease(app, u, c, verdict);
      case YUNTONGXUN_VOIP, YUNTONGXUN_APP_TOKEN -> yuntongxun(app, u, k, c, verdict);
      default -> new Diagnosis("A " + k + " credential for app " + app.id(), List.of(),
          List.of(new Diagnosis.Check(false, "app " + app.id() + " accepts " + app.vendor().credentialKinds())),
          verdict.code(), verdict.message(), List.of("Log in with one of " + app.vendor().credentialKinds() + "."));
    };
  }

  private AuthResult verdict(App app, String user, CredentialKind kind, String credential) {
    try {
      return auth.authenticate(new LoginAttempt(app.id(), user, kind, credential, "doctor"))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      return AuthResult.refused(ErrorCodes.INTERNAL, "the check did not complete: " + e);
    }
  }

  private Diagnosis rongcloud(App app, String user, String token, AuthResult verdict) {
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
    fields.add(new Diagnosis.Field("issued", Times.local(issued, zone) + ", " + Times.relative(issued, clock.instant())));
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
        : "issued after the app last expired this user's tokens, at " + Times.local(Instant.ofEpochMilli(validFrom), zone)));
    if (!notRevoked) {
      fixes.add("The app expired this user's tokens (user/token/expire) after this one was issued: get a new token.");
    }
    return new Diagnosis(subject, fields, checks, verdict.code(), verdict.message(), fixes);
  }

  private Diagnosis netease(App app, String accid, String token, AuthResult verdict) {
    String subject = "NetEase token for accid \"" + accid + "\" of app " + app.id();
    List<Diagnosis.Check> checks = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    NeteaseLogin outcome = accounts.checkNeteaseLogin(app, accid, token);
    boolean exists = outcome != NeteaseLogin.NO_SUCH_ACCOUNT;
    checks.add(new Diagnosis.Check(exists, "account \"" + accid + "\" exists in app " + app.id()));
    if (!exists) {
      fixes.add("Create the account first: user/create.action (accid, token) or `parley-server credential --app "
          + app.id() + " --user " + accid + "`.");
      return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
    }
    boolean tokenOk = outcome != NeteaseLogin.WRONG_TOKEN;
    checks.add(new Diagnosis.Check(tokenOk, "the token is the account's current token (compared as a salted hash)"));
    if (!tokenOk) {
      fixes.add("Use the token the latest user/create, user/update or user/refreshToken returned; each update or"
          + " refresh replaces the previous token.");
      return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
    }
    boolean notBlocked = outcome != NeteaseLogin.BLOCKED;
    checks.add(new Diagnosis.Check(notBlocked, "the account is not blocked"));
    if (!notBlocked) {
      fixes.add("The app blocked this account: unblock it with user/unblock.action.");
    }
    return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
  }

  private Diagnosis yuntongxun(App app, String user, CredentialKind kind, String credential, AuthResult verdict) {
    List<Diagnosis.Check> checks = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    AppSecrets.Yuntongxun y = app.secrets(AppSecrets.Yuntongxun.class);
    if (kind == CredentialKind.YUNTONGXUN_APP_TOKEN) {
      String subject = "Yuntongxun any-account login as \"" + user + "\" of app " + app.id();
      checks.add(new Diagnosis.Check(y.anyAccountLogin(), "app " + app.id() + " allows any-account login"));
      if (!y.anyAccountLogin()) {
        fixes.add("This app turned any-account login off (anyAccountLogin: false): log in with a sub-account"
            + " (voipAccount + voipPwd).");
        return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
      }
      boolean tokenOk = verdict.code() != ErrorCodes.YUNTONGXUN_TOKEN_INVALID;
      checks.add(new Diagnosis.Check(tokenOk, "the credential is app " + app.id() + "'s APP TOKEN"));
      if (!tokenOk) {
        fixes.add("Use the APP TOKEN configured for app " + app.id() + " (not the AUTH TOKEN of the main account).");
        return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
      }
      Optional<String> problem = YuntongxunUserName.problem(user);
      checks.add(new Diagnosis.Check(problem.isEmpty(), "the user name follows the vendor's rules"
          + problem.map(p -> ": " + p).orElse("")));
      problem.ifPresent(p -> fixes.add("Pick a user name of 5-20 letters, digits, '_' or '-' that does not start with"
          + " 'g' (group ids start with g)."));
      return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
    }
    String subject = "Yuntongxun sub-account login as voipAccount \"" + user + "\" of app " + app.id();
    VoipLogin outcome = accounts.checkVoipLogin(app, user, credential);
    boolean exists = outcome != VoipLogin.NO_SUCH_ACCOUNT;
    checks.add(new Diagnosis.Check(exists, "a live sub-account has voipAccount \"" + user + "\""));
    if (!exists) {
      fixes.add("Log in with the voipAccount (14 digits) that SubAccounts returned, not the friendlyName; a closed"
          + " sub-account cannot log in. Create one with `parley-server credential --app " + app.id()
          + " --user <name>`.");
      return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
    }
    boolean pwdOk = outcome == VoipLogin.OK;
    checks.add(new Diagnosis.Check(pwdOk, "the credential is that sub-account's voipPwd"));
    if (!pwdOk) {
      fixes.add("Use the voipPwd (8 characters) of this sub-account, not its subToken; QuerySubAccountByName"
          + " returns both.");
    }
    return new Diagnosis(subject, List.of(), checks, verdict.code(), verdict.message(), fixes);
  }
}
