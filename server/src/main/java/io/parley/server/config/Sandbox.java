package io.parley.server.config;

import io.parley.server.app.App;
import io.parley.server.app.AppLimits;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.store.SyncPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The sandbox defaults of DESIGN §9: one dev app per vendor with public secrets, loopback only, fixed ports. */
public final class Sandbox {
  private Sandbox() {}

  public static final String TENCENT_APP_ID = "1400000000";
  public static final long TENCENT_SDK_APP_ID = 1400000000L;
  public static final String TENCENT_KEY = "parley-dev-tencent-key";
  public static final String TENCENT_ADMIN = AppSecrets.Tencent.DEFAULT_ADMIN;

  public static final String RONGCLOUD_APP_KEY = "parley-dev-rong";
  public static final String RONGCLOUD_APP_SECRET = "parley-dev-rong-secret";

  public static final String NETEASE_APP_KEY = "parley-dev-nim";
  public static final String NETEASE_APP_SECRET = "parley-dev-nim-secret";
  /** The token of the account "alice" every sandbox seeds in its NetEase dev app. */
  public static final String NETEASE_ALICE_TOKEN = "parley-dev-nim-alice-token";

  public static final String YUNTONGXUN_ACCOUNT_SID = "parleydevaccountsid";
  public static final String YUNTONGXUN_AUTH_TOKEN = "parleydevauthtoken";
  public static final String YUNTONGXUN_APP_ID = "parleydevappid";
  public static final String YUNTONGXUN_APP_TOKEN = "parleydevapptoken";

  public static final ServerConfig.Ports PORTS = new ServerConfig.Ports(9100, 9200, 9300, 9443, 9900);
  public static final ServerConfig.Limits LIMITS = new ServerConfig.Limits(1 << 20, 10_000);
  public static final ServerConfig.Heartbeat HEARTBEAT = new ServerConfig.Heartbeat(30_000, 300_000, 10_000);
  public static final ServerConfig.LoginThrottle LOGIN_THROTTLE = new ServerConfig.LoginThrottle(30, 60, 10, 10);
  /** Every app's limits unless its config says otherwise. */
  public static final AppLimits APP_LIMITS = new AppLimits(12 * 1024, 6000, 5000, 10_000);

  public static App tencentApp() {
    return new App(TENCENT_APP_ID, VendorKind.TENCENT, new AppSecrets.Tencent(TENCENT_KEY, TENCENT_ADMIN),
        APP_LIMITS, CallbackSettings.NONE);
  }

  public static App rongcloudApp() {
    return new App(RONGCLOUD_APP_KEY, VendorKind.RONGCLOUD, new AppSecrets.Rongcloud(RONGCLOUD_APP_SECRET),
        APP_LIMITS, CallbackSettings.NONE);
  }

  public static App neteaseApp() {
    return new App(NETEASE_APP_KEY, VendorKind.NETEASE, new AppSecrets.Netease(NETEASE_APP_SECRET),
        APP_LIMITS, CallbackSettings.NONE);
  }

  public static App yuntongxunApp() {
    return new App(YUNTONGXUN_APP_ID, VendorKind.YUNTONGXUN,
        new AppSecrets.Yuntongxun(YUNTONGXUN_ACCOUNT_SID, YUNTONGXUN_AUTH_TOKEN, YUNTONGXUN_APP_TOKEN, true),
        APP_LIMITS, CallbackSettings.NONE);
  }

  /** The four dev apps, one per vendor. */
  public static List<App> apps() {
    return List.of(tencentApp(), rongcloudApp(), neteaseApp(), yuntongxunApp());
  }

  /** The configuration {@code parley-server} runs with when given no {@code --config}. */
  public static ServerConfig config() {
    return new ServerConfig("127.0.0.1", Path.of("parley-data"), PORTS, SyncPolicy.FSYNC, LIMITS, HEARTBEAT,
        LOGIN_THROTTLE, apps(), true, Optional.empty());
  }
}
