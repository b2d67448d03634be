package io.parley.server.doctor;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.AuthResult;
import io.parley.server.auth.AuthService;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.app.VendorKind;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Explains why a credential would or would not log a user in: decodes it, lists the checks a login makes with their
 * outcome, gives the verdict a login gets (the same code and message, from the same verifiers) and the fix.
 * Blocking: run it off event loops.
 */
public final class CredentialDoctor {
  private final AppRegistry apps;
  private final AuthService auth;
  private final Map<VendorKind, VendorDoctor> doctors;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param auth the verifiers logins use, with a throttle that does not count the doctor's checks
   * @param zone the operator's time zone, for issue and expiry times
   */
  public CredentialDoctor(AppRegistry apps, AuthService auth, Map<VendorKind, VendorDoctor> doctors, Clock clock,
      ZoneId zone) {
    this.apps = apps;
    this.doctors = Map.copyOf(doctors);
    this.auth = auth;
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
    CredentialKind k = kind != null ? kind : app.vendor().usualCredential();
    AuthResult verdict = verdict(app, u, k, c);
    VendorDoctor doctor = doctors.get(app.vendor());
    if (!app.vendor().credentialKinds().contains(k) || doctor == null) {
      return new Diagnosis("A " + k + " credential for app " + app.id(), List.of(),
          List.of(new Diagnosis.Check(false, "app " + app.id() + " accepts " + app.vendor().credentialKinds())),
          verdict.code(), verdict.message(), List.of("Log in with one of " + app.vendor().credentialKinds() + "."));
    }
    return doctor.examine(new DoctorCase(app, apps.all(), u, k, c, verdict, clock.instant(), zone));
  }

  private AuthResult verdict(App app, String user, CredentialKind kind, String credential) {
    try {
      return auth.authenticate(new LoginAttempt(app.id(), user, kind, credential, "doctor"))
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      return AuthResult.refused(ErrorCodes.INTERNAL, "the check did not complete: " + e);
    }
  }
}
