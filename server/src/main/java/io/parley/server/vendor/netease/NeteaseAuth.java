package io.parley.server.vendor.netease;

import io.parley.protocol.credential.netease.NeteaseCheckSum;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.VendorKind;
import io.parley.server.http.HttpRequest;
import io.parley.server.vendor.ReplayGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Who may call the REST API: headers {@code AppKey} (a hosted NetEase app), {@code Nonce} (at most 128 characters),
 * {@code CurTime} (UTC seconds) and {@code CheckSum} = hex SHA-1({@code AppSecret + Nonce + CurTime}), then CurTime
 * within five minutes of now and a (Nonce, CurTime) never seen before. Checked in that order: a request whose CheckSum
 * fails leaves no nonce behind.
 */
final class NeteaseAuth {
  static final Duration WINDOW = Duration.ofMinutes(5);
  static final int MAX_NONCE = 128;
  private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");

  private final AppRegistry apps;
  private final ReplayGuard guard;

  NeteaseAuth(AppRegistry apps, Clock clock) {
    this.apps = apps;
    this.guard = new ReplayGuard(clock, WINDOW);
  }

  /** The app the request acts on. @throws NeteaseRestException 414, 403 or 431 when it may not */
  App authenticate(HttpRequest request) throws NeteaseRestException {
    String appKey = header(request, "AppKey");
    App app = apps.find(appKey).filter(a -> a.vendor() == VendorKind.NETEASE)
        .orElseThrow(() -> new NeteaseRestException(NeteaseCodes.NO_PERMISSION,
            "AppKey \"" + appKey + "\" is not a NetEase app hosted here"));
    String nonce = header(request, "Nonce");
    if (nonce.length() > MAX_NONCE) {
      throw NeteaseRestException.parameter("the Nonce header is longer than " + MAX_NONCE + " characters");
    }
    String curTime = header(request, "CurTime");
    if (!SECONDS.matcher(curTime).matches()) {
      throw NeteaseRestException.parameter("the CurTime header must be UTC seconds since the epoch, not \"" + curTime + "\"");
    }
    String checkSum = header(request, "CheckSum");
    String expected = NeteaseCheckSum.checkSum(app.secrets(AppSecrets.Netease.class).appSecret(), nonce, curTime);
    if (!NeteaseCheckSum.matches(expected, checkSum)) {
      throw new NeteaseRestException(NeteaseCodes.NO_PERMISSION,
          "CheckSum does not match: it is the hex SHA-1 of AppSecret + Nonce + CurTime");
    }
    switch (guard.check(app.id(), nonce + '\u0000' + curTime, Long.parseLong(curTime) * 1000)) {
      case STALE -> throw new NeteaseRestException(NeteaseCodes.NO_PERMISSION,
          "CurTime " + curTime + " is more than " + WINDOW.toMinutes() + " minutes from the server's time");
      case REPLAYED -> throw new NeteaseRestException(NeteaseCodes.REPEATED_REQUEST,
          "this Nonce and CurTime were used before: a repeated request");
      case FRESH -> { }
    }
    return app;
  }

  private static String header(HttpRequest request, String name) throws NeteaseRestException {
    String value = request.header(name).orElse("");
    if (value.isEmpty()) {
      throw NeteaseRestException.parameter("the " + name + " header is missing");
    }
    return value;
  }
}
