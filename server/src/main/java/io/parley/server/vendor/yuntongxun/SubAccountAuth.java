package io.parley.server.vendor.yuntongxun;

import io.parley.protocol.credential.yuntongxun.YuntongxunAuth;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.VendorKind;
import io.parley.server.http.HttpRequest;
import io.parley.server.vendor.Accounts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Who may call the group functions: header {@code Authorization} = Base64({@code subAccountSid:timestamp}) naming the
 * URL's sub-account, the timestamp ({@code yyyyMMddHHmmss}, UTC+8) within {@link MainAccountAuth#WINDOW} of now, and
 * the URL's {@code sig} = upper-case MD5({@code subAccountSid + subToken + timestamp}) with that open sub-account's
 * sub-token. The same checks, in the same order and with the same codes, as {@link MainAccountAuth}, except that an
 * unknown sub-account is a 110015 and a wrong sig a 110010 (wrong sub-account token).
 */
final class SubAccountAuth {
  private final AppRegistry apps;
  private final Accounts accounts;
  private final Clock clock;

  SubAccountAuth(AppRegistry apps, Accounts accounts, Clock clock) {
    this.apps = apps;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** The sub-account the request acts as. @throws YuntongxunRestException when it may not */
  SubAccountCaller authenticate(HttpRequest request, String subAccountSid) throws YuntongxunRestException {
    String header = request.header("Authorization").filter(h -> !h.isBlank()).orElseThrow(() -> refuse(
        YuntongxunCodes.AUTHORIZATION_MISSING,
        "the Authorization header is missing; it is Base64(subAccountSid:timestamp)"));
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_NOT_BASE64, "the Authorization header is not Base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_FORMAT,
          "the decoded Authorization header is not subAccountSid:timestamp");
    }
    String headerSid = decoded.substring(0, colon);
    String timestamp = decoded.substring(colon + 1);
    if (headerSid.isEmpty()) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_NO_ACCOUNT, "the decoded Authorization header has no subAccountSid");
    }
    if (timestamp.isEmpty()) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_NO_TIMESTAMP, "the decoded Authorization header has no timestamp");
    }
    if (!headerSid.equals(subAccountSid)) {
      throw refuse(YuntongxunCodes.AUTHORIZATION_OTHER_ACCOUNT,
          "the Authorization header names sub-account " + headerSid + ", the URL " + subAccountSid);
    }
    String sig = param(request, "sig").orElseThrow(() -> refuse(YuntongxunCodes.SIG_MISSING,
        "the URL lacks the sig parameter: upper-case MD5(subAccountSid + subToken + timestamp)"));
    Instant at = YuntongxunAuth.parseTimestamp(timestamp).orElseThrow(() -> refuse(YuntongxunCodes.TIMESTAMP_FORMAT,
        "the timestamp \"" + timestamp + "\" is not yyyyMMddHHmmss"));
    Instant now = clock.instant();
    if (Duration.between(at, now).abs().compareTo(MainAccountAuth.WINDOW) > 0) {
      throw refuse(YuntongxunCodes.TIMESTAMP_EXPIRED, "the timestamp " + timestamp + " is more than "
          + MainAccountAuth.WINDOW.toMinutes() + " minutes from now (" + YuntongxunAuth.timestamp(now) + ", UTC+8)");
    }
    for (App app : apps.all()) {
      if (app.vendor() != VendorKind.YUNTONGXUN) {
        continue;
      }
      Optional<SubAccount> found = accounts.subAccountBySid(app, subAccountSid);
      if (found.isPresent()) {
        if (!YuntongxunAuth.sigMatches(subAccountSid, found.get().subToken(), timestamp, sig)) {
          throw refuse(YuntongxunCodes.SUB_ACCOUNT_TOKEN_WRONG,
              "sig does not match: it is upper-case MD5(subAccountSid + subToken + timestamp) with this sub-account's"
                  + " subToken");
        }
        return new SubAccountCaller(app, found.get());
      }
    }
    throw refuse(YuntongxunCodes.SUB_ACCOUNT_NOT_FOUND, "sub-account " + subAccountSid + " does not exist here");
  }

  private static Optional<String> param(HttpRequest request, String name) {
    List<String> values = request.query().get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static YuntongxunRestException refuse(String code, String message) {
    return new YuntongxunRestException(code, message);
  }
}
