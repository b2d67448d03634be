package io.parley.server.vendor.rongcloud;

import io.parley.protocol.credential.rongcloud.RongcloudApiSignature;
import io.parley.server.app.App;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.VendorKind;
import io.parley.server.http.HttpRequest;
import io.parley.server.vendor.ReplayGuard;
import java.util.Optional;

/**
 * Who may call the Server API: headers {@code App-Key}, {@code Nonce}, {@code Timestamp} (seconds, as the Java SDK
 * sends, or milliseconds, as the docs say) and {@code Signature} = sha1hex(AppSecret + Nonce + Timestamp), each also
 * accepted with an {@code RC-} prefix. Checked in order: the app (1001), the headers' presence and shape, the signature,
 * then freshness and replay (1004 each, saying which).
 */
final class RongcloudAuth {
  /** Longest nonce taken: the docs say 18, the Java SDK sends {@code Math.random() * 1000000} (often longer). */
  static final int MAX_NONCE = 64;

  private final AppRegistry apps;
  private final ReplayGuard replays;

  RongcloudAuth(AppRegistry apps, ReplayGuard replays) {
    this.apps = apps;
    this.replays = replays;
  }

  /** The app the request acts on. @throws RongcloudRestException with the vendor's code when it may not */
  App authenticate(HttpRequest request) throws RongcloudRestException {
    String appKey = header(request, "App-Key").orElseThrow(() -> new RongcloudRestException(RongcloudCode.APP_KEY,
        "the App-Key header is missing"));
    App app = apps.find(appKey).filter(a -> a.vendor() == VendorKind.RONGCLOUD)
        .orElseThrow(() -> new RongcloudRestException(RongcloudCode.APP_KEY,
            "no Rongcloud app with App Key \"" + appKey + "\" is hosted here"));
    String nonce = required(request, "Nonce");
    if (nonce.length() > MAX_NONCE) {
      throw signature("the Nonce header is " + nonce.length() + " characters long; at most " + MAX_NONCE + " are taken");
    }
    String timestamp = required(request, "Timestamp");
    long millis;
    try {
      millis = RongcloudApiSignature.timestampMillis(timestamp);
    } catch (IllegalArgumentException e) {
      throw signature(e.getMessage());
    }
    String signature = required(request, "Signature");
    if (!RongcloudApiSignature.matches(app.secrets(AppSecrets.Rongcloud.class).appSecret(), nonce, timestamp, signature)) {
      throw signature("the Signature does not match: it is the lower-case hex SHA-1 of App Secret + Nonce + Timestamp");
    }
    switch (replays.check(app.id(), nonce + '\u0000' + timestamp, millis)) {
      case STALE -> throw signature("the Timestamp " + timestamp + " is too far from the server's time; sign each "
          + "request when it is sent");
      case REPLAYED -> throw signature("this Nonce and Timestamp were used already: the request was replayed");
      case FRESH -> { }
    }
    return app;
  }

  private static String required(HttpRequest request, String name) throws RongcloudRestException {
    return header(request, name).orElseThrow(() -> signature("the " + name + " header is missing"));
  }

  private static RongcloudRestException signature(String message) {
    return new RongcloudRestException(RongcloudCode.SIGNATURE, message);
  }

  /** The header, or its {@code RC-} twin; empty values count as missing. */
  private static Optional<String> header(HttpRequest request, String name) {
    return request.header(name).or(() -> request.header("RC-" + name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
