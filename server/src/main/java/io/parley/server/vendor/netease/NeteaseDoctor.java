package io.parley.server.vendor.netease;

import io.parley.server.vendor.netease.NeteaseLogin;
import io.parley.server.app.App;
import io.parley.server.vendor.Accounts;
import io.parley.server.auth.AuthResult;
import io.parley.server.doctor.Diagnosis;
import io.parley.server.doctor.DoctorCase;
import io.parley.server.doctor.VendorDoctor;
import java.util.ArrayList;
import java.util.List;

/** Explains a NetEase login: whether the account exists, the token is its current one, and it is not blocked. */
final class NeteaseDoctor implements VendorDoctor {
  private final Accounts accounts;

  NeteaseDoctor(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Diagnosis examine(DoctorCase c) {
    App app = c.app();
    String accid = c.user();
    String token = c.credential();
    AuthResult verdict = c.verdict();
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

}
