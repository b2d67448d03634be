package io.parley.server.vendor.yuntongxun;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.yuntongxun.YuntongxunUserName;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.vendor.yuntongxun.VoipLogin;
import io.parley.server.app.AppSecrets;
import java.util.Optional;
import io.parley.server.app.App;
import io.parley.server.vendor.Accounts;
import io.parley.server.auth.AuthResult;
import io.parley.server.doctor.Diagnosis;
import io.parley.server.doctor.DoctorCase;
import io.parley.server.doctor.VendorDoctor;
import java.util.ArrayList;
import java.util.List;

/** Explains a Yuntongxun login: a sub-account's voipAccount and voipPwd, or the app-token any-account login. */
final class YuntongxunDoctor implements VendorDoctor {
  private final Accounts accounts;

  YuntongxunDoctor(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public Diagnosis examine(DoctorCase c) {
    App app = c.app();
    String user = c.user();
    CredentialKind kind = c.kind();
    String credential = c.credential();
    AuthResult verdict = c.verdict();
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
