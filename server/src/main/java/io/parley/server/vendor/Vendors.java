package io.parley.server.vendor;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.VendorKind;
import io.parley.server.auth.AuthService;
import io.parley.server.auth.CredentialIssuer;
import io.parley.server.auth.CredentialVerifier;
import io.parley.server.auth.LoginThrottle;
import io.parley.server.auth.VendorIssuer;
import io.parley.server.callback.CallbackFormat;
import io.parley.server.doctor.VendorDoctor;
import io.parley.server.http.Router;
import io.parley.server.messaging.MessageFormat;
import io.parley.server.vendor.netease.NeteaseVendor;
import io.parley.server.vendor.rongcloud.RongcloudVendor;
import io.parley.server.vendor.tencent.TencentVendor;
import io.parley.server.vendor.yuntongxun.YuntongxunVendor;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** The vendors Parley emulates, registered once: adding one adds its package and one line here. */
public final class Vendors {
  private static final List<Vendor> ALL = List.of(
      new TencentVendor(),
      new RongcloudVendor(),
      new NeteaseVendor(),
      new YuntongxunVendor());

  private Vendors() {}

  public static List<Vendor> all() {
    return ALL;
  }

  /** The vendor of this kind. */
  public static Vendor of(VendorKind kind) {
    for (Vendor v : ALL) {
      if (v.kind() == kind) {
        return v;
      }
    }
    throw new IllegalStateException("no vendor " + kind + " is registered");
  }

  /** Every vendor's credential verifiers, by kind. */
  public static Map<CredentialKind, CredentialVerifier> verifiers(VerifierServices services) {
    Map<CredentialKind, CredentialVerifier> all = new EnumMap<>(CredentialKind.class);
    ALL.forEach(v -> all.putAll(v.verifiers(services)));
    return all;
  }

  /** Login checking for every vendor's credentials. */
  public static AuthService authService(AppRegistry apps, LoginThrottle throttle, Accounts accounts, Executor executor,
      Clock clock, int cacheMaxEntries) {
    return new AuthService(apps, throttle, verifiers(new VerifierServices(accounts, executor, clock, cacheMaxEntries)));
  }

  /** Credential issuing for every vendor; {@code accounts} may be null where only account-free kinds are issued. */
  public static CredentialIssuer issuer(Accounts accounts, Clock clock) {
    return new CredentialIssuer(byKind(v -> v.issuer(accounts)), clock);
  }

  public static Map<VendorKind, VendorDoctor> doctors(Accounts accounts) {
    return byKind(v -> v.doctor(accounts));
  }

  public static Map<VendorKind, CallbackFormat> callbackFormats() {
    return byKind(Vendor::callbacks);
  }

  /** The message formats of the vendors that have one. */
  public static Map<VendorKind, MessageFormat> messageFormats() {
    Map<VendorKind, MessageFormat> all = new EnumMap<>(VendorKind.class);
    ALL.forEach(v -> v.messages().ifPresent(f -> all.put(v.kind(), f)));
    return all;
  }

  /** The vendor router: every vendor's REST routes, and a JSON 404 for a path no vendor serves. */
  public static Router router(RestContext context) {
    Router.Builder routes = Router.builder("vendor");
    ALL.forEach(v -> v.rest(context).ifPresent(face -> face.register(routes)));
    return routes.build();
  }

  private static <T> Map<VendorKind, T> byKind(Function<Vendor, T> part) {
    Map<VendorKind, T> all = new EnumMap<>(VendorKind.class);
    ALL.forEach(v -> all.put(v.kind(), part.apply(v)));
    return all;
  }
}
