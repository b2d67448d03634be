package io.parley.server.app;

import java.util.Objects;

/**
 * One tenant app: its id as its vendor spells it, the vendor it emulates, its secrets, its limits and its callback
 * settings. Users, messages and timelines of one app are invisible to every other app.
 *
 * <p>For Tencent the id is the SDKAppID in decimal; for Rongcloud and NetEase the App Key; for Yuntongxun the AppID.
 * {@code toString()} never prints a secret.
 */
public record App(String id, VendorKind vendor, AppSecrets secrets, AppLimits limits, CallbackSettings callback) {

  public App {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(callback, "callback");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("an app id must not be empty");
    }
    if (secrets.vendor() != vendor) {
      throw new IllegalArgumentException("app " + id + " is a " + vendor + " app but has " + secrets.vendor() + " secrets");
    }
    vendor.idProblem(id).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }

  /** The SDKAppID of a Tencent app. */
  public long sdkAppId() {
    if (vendor != VendorKind.TENCENT) {
      throw new IllegalStateException("app " + id + " is a " + vendor + " app and has no SDKAppID");
    }
    return Long.parseLong(id);
  }

  /** This app's secrets as the given vendor's kind; throws when the app is of another vendor. */
  public <S extends AppSecrets> S secrets(Class<S> kind) {
    if (!kind.isInstance(secrets)) {
      throw new IllegalStateException("app " + id + " is a " + vendor + " app, not " + kind.getSimpleName());
    }
    return kind.cast(secrets);
  }

  /** Whether logins, sends and caches made under {@code other} stay valid under this version of the app. */
  public boolean sameSecretsAs(App other) {
    return other != null && other.id.equals(id) && other.secrets.equals(secrets);
  }

  @Override
  public String toString() {
    return "App[id=" + id + ", vendor=" + vendor + ", secrets=" + secrets + ", limits=" + limits + ", callback=" + callback + "]";
  }
}
