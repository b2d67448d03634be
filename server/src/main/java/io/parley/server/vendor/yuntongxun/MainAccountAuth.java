package io.parley.server.vendor.yuntongxun;

import io.parley.protocol.credential.yuntongxun.YuntongxunAuth;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.VendorKind;
import io.parley.server.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who may call: header {@code Authorization} = Base64({@code AccountSid:timestamp}) naming the URL's account, the
 * timestamp ({@code yyyyMMddHHmmss}, UTC+8) within {@link #WINDOW} of now, and the URL's {@code sig} = upper-case
 * MD5({@code AccountSid + AuthToken + timestamp}) with the AUTH TOKEN of a hosted app of that account. Checked in the
 * vendor's order: the header, its parts, sig present, the time, the account, the sig.
 */
final class MainAccountAuth {
  /** How far the request time may be from now, either way (the vendor's gateway allows five minutes). */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final AppRegistry apps;
  private final Clock clock;

  MainAccountAuth(AppRegistry apps, Clock clock) {
    this.apps = apps;
    this.clock = clock;
  }

  /** The main account of {@code accountSid} the request may act as. @throws YuntongxunRestException when it may not */
  MainAccount authenticate(HttpRequest request, String accountSid) throws YuntongxunRestException {
    String header = request.header("Authorization").filter(h -> !h.isBlank()).orElseThrow(() -> refuse(
        YuntongxunCodes.AUTHORIZATION_MISSING, "the Authorization header is missing; it is Base64(AccountSid:timestamp)"));
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_NOT_BASE64, "the Authorization header is not Base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_FORMAT, "the decoded Authorization header is not AccountSid:timestamp");
    }
    String headerSid = decoded.substring(0, colon);
    String timestamp = decoded.substring(colon + 1);
    if (headerSid.isEmpty()) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_NO_ACCOUNT, "the decoded Authorization header has no AccountSid");
    }
    if (timestamp.isEmpty()) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_NO_TIMESTAMP, "the decoded Authorization header has no timestamp");
    }
    if (!headerSid.equals(accountSid)) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_OTHER_ACCOUNT,
          "the Authorization header names account " + headerSid + ", the URL " + accountSid);
    }
    String sig = param(request, "sig").orElseThrow(() -> refuse(YuntongxunCodes.SIG_MISSING,
        "the URL lacks the sig parameter: upper-case MD5(AccountSid + AuthToken + timestamp)"));
    Instant at = YuntongxunAuth.parseTimestamp(timestamp).orElseThrow(() -> refuse(YuntongxunCodes.TIMESTAMP_FORMAT,
        "the timestamp \"" + timestamp + "\" is not yyyyMMddHHmmss"));
    Instant now = clock.instant();
    if (Duration.between(at, now).abs().compareTo(WINDOW) > 0) {
      throw refuse(YuntongxunCodes.TIMESTAMP_EXPIRED, "the timestamp " + timestamp + " is more than "
          + WINDOW.toMinutes() + " minutes from now (" + YuntongxunAuth.timestamp(now) + ", UTC+8)");
    }
    List<App> owned = apps.all().stream().filter(a -> a.vendor() == VendorKind.YUNTONGXUN)
        .filter(a -> secrets(a).accountSid().equals(accountSid)).toList();
    if (owned.isEmpty()) {
      throw refuse(YuntongxunCodes.ACCOUNT_NOT_FOUND, "main account " + accountSid + " does not exist here");
    }
    List<App> signed = owned.stream()
        .filter(a -> YuntongxunAuth.sigMatches(accountSid, secrets(a).authToken(), timestamp, sig)).toList();
    if (signed.isEmpty()) {
      throw refuse(YuntongxunCodes.SIG_WRONG,
          "sig does not match: it is upper-case MD5(AccountSid + AuthToken + timestamp) with this account's AUTH TOKEN");
    }
    return new MainAccount(accountSid, signed);
  }

  private static AppSecrets.Yuntongxun secrets(App app) {
    return app.secrets(AppSecrets.Yuntongxun.class);
  }

  private static Optional<String> param(HttpRequest request, String name) {
    List<String> values = request.query().get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static YuntongxunRestException refuse(String code, String message) {
    return new YuntongxunRestException(code, message);
  }
}
