package io.parley.server.config;

import io.parley.server.auth.App;
import io.parley.server.auth.VendorKind;
import io.parley.server.store.SyncPolicy;
import java.nio.file.Path;
import java.util.List;

/** The sandbox defaults of DESIGN §9: public dev secrets, loopback only, fixed ports. */
public final class Sandbox {
  private Sandbox() {}

  public static final String TENCENT_APP_ID = "1400000000";
  public static final long TENCENT_SDK_APP_ID = 1400000000L;
  public static final String TENCENT_KEY = "parley-dev-tencent-key";
  public static final String TENCENT_ADMIN = "administrator";

  public static final ServerConfig.Ports PORTS = new ServerConfig.Ports(9100, 9200, 9300, 9443, 9900);
  public static final ServerConfig.Limits LIMITS = new ServerConfig.Limits(1 << 20, 12 * 1024, 5000, 10000, 10_000);
  public static final ServerConfig.Heartbeat HEARTBEAT = new ServerConfig.Heartbeat(30_000, 300_000, 10_000);

  /** The Tencent dev app every sandbox hosts. */
  public static App tencentApp() {
    return new App(TENCENT_APP_ID, VendorKind.TENCENT, TENCENT_KEY, TENCENT_ADMIN);
  }

  /** The configuration {@code parley-server} runs with when given no {@code --config}. */
  public static ServerConfig config() {
    return new ServerConfig(
        "127.0.0.1", Path.of("parley-data"), PORTS, SyncPolicy.FSYNC, LIMITS, HEARTBEAT, List.of(tencentApp()), true);
  }
}
