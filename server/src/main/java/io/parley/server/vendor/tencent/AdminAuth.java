package io.parley.server.vendor.tencent;

import io.parley.protocol.credential.tencent.DecodedUserSig;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.credential.tencent.UserSigCheck;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.VendorKind;
import io.parley.server.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the REST API: the URL's {@code sdkappid} names a hosted Tencent app, its {@code identifier} is that
 * app's admin identifier, and its {@code usersig} is a valid UserSig of that identifier in that app. Checked in that
 * order; a verified UserSig is cached until its expiry, so that the HMAC is computed once per UserSig.
 */
final class AdminAuth {
  private final AppRegistry apps;
  private final Clock clock;
  private final AdminSigCache cache;

  AdminAuth(AppRegistry apps, Clock clock) {
    this.apps = apps;
    this.clock = clock;
    this.cache = new AdminSigCache(clock);
  }

  /** The app the request acts on. @throws TencentRestException with the vendor's code when it may not */
  App authenticate(HttpRequest request) throws TencentRestException {
    String sdkAppId = param(request, "sdkappid")
        .orElseThrow(() -> new TencentRestException(TencentCodes.BAD_URL, "the URL lacks the sdkappid parameter"));
    App app = apps.find(sdkAppId).filter(a -> a.vendor() == VendorKind.TENCENT)
        .orElseThrow(() -> new TencentRestException(TencentCodes.APP_NOT_FOUND,
            "no Tencent app with SDKAppID " + sdkAppId + " is hosted here"));
    String admin = app.secrets(AppSecrets.Tencent.class).adminIdentifier();
    String identifier = param(request, "identifier").orElseThrow(() -> new TencentRestException(
        TencentCodes.NO_PERMISSION, "the URL lacks the identifier parameter; REST calls are made as the app's admin"));
    if (!identifier.equals(admin)) {
      throw new TencentRestException(TencentCodes.NO_PERMISSION,
          "identifier \"" + identifier + "\" is not the admin of SDKAppID " + sdkAppId + "; only the admin may call the REST API");
    }
    String userSig = param(request, "usersig").orElseThrow(() -> new TencentRestException(
        TencentCodes.USERSIG_INVALID, "the URL lacks the usersig parameter"));
    Optional<AdminSigCache.Verified> cached = cache.get(app, userSig);
    if (cached.isPresent()) {
      recheck(app, userSig, cached.get().sig(), identifier);
    } else {
      check(app, userSig, identifier);
    }
    return app;
  }

  /** A cached UserSig was valid when verified; it may have expired since, and the identifier may differ. */
  private void recheck(App app, String userSig, DecodedUserSig sig, String identifier) throws TencentRestException {
    if (!sig.identifier().equals(identifier)) {
      throw new TencentRestException(TencentCodes.IDENTIFIER_MISMATCH,
          "UserSig was issued for identifier \"" + sig.identifier() + "\", not for \"" + identifier + "\".");
    }
    if (clock.millis() / 1000 >= sig.expiresAtEpochSeconds()) {
      cache.forget(app, userSig);
      throw new TencentRestException(TencentCodes.USERSIG_EXPIRED,
          "UserSig expired at " + Instant.ofEpochSecond(sig.expiresAtEpochSeconds()) + ".");
    }
  }

  private void check(App app, String userSig, String identifier) throws TencentRestException {
    UserSigCheck check = UserSig.check(userSig, app.sdkAppId(), app.secrets(AppSecrets.Tencent.class).key(), identifier,
        Math.floorDiv(clock.millis(), 1000L));
    if (check.isOk()) {
      cache.put(app, userSig, check.decodedOrNull());
      return;
    }
    throw new TencentRestException(check.outcome().code(), check.reason());
  }

  private static Optional<String> param(HttpRequest request, String name) {
    List<String> values = request.query().get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
