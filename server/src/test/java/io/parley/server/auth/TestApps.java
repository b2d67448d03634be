package io.parley.server.auth;

import io.parley.server.app.VendorKind;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;

/** Apps and throttles for unit tests of the auth package. */
final class TestApps {
  private TestApps() {}

  /** A throttle that never interferes with tests that are not about throttling. */
  static final ServerConfig.LoginThrottle LENIENT_THROTTLE = new ServerConfig.LoginThrottle(1_000_000, 1_000_000, 1_000_000, 1_000_000);

  static App tencent(String sdkAppId, String key) {
    return new App(sdkAppId, VendorKind.TENCENT, new AppSecrets.Tencent(key, "administrator"), Sandbox.APP_LIMITS,
        CallbackSettings.NONE);
  }
}
