package io.parley.server.support;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import java.nio.file.Path;

/** Servers for tests: the sandbox config on free ports, a temp data dir and short, test-sized timings. */
public final class TestServers {
  private TestServers() {}

  public static final ServerConfig.Ports FREE_PORTS = new ServerConfig.Ports(0, 0, 0, 0, 0);
  /** Tests that refuse many logins on purpose are not about throttling (LoginThrottlingTest is). */
  public static final ServerConfig.LoginThrottle LENIENT_THROTTLE = new ServerConfig.LoginThrottle(10_000, 10_000, 10_000, 10_000);

  /** The sandbox config on free ports with a small heartbeat range and a lenient login throttle, rooted at {@code dir}. */
  public static ServerConfig config(Path dir) {
    return Sandbox.config()
        .withDataDir(dir)
        .withPorts(FREE_PORTS)
        .withHeartbeat(new ServerConfig.Heartbeat(1_000, 60_000, 2_000))
        .withLoginThrottle(LENIENT_THROTTLE);
  }

  public static ParleyServer start(Path dir) throws Exception {
    return ParleyServer.start(config(dir));
  }

  /** A UserSig of the sandbox's Tencent app, valid for a day. */
  public static String userSig(String user) {
    return userSig(user, 86_400);
  }

  public static String userSig(String user, long expireSeconds) {
    return UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, user, expireSeconds, null,
        System.currentTimeMillis() / 1000);
  }
}
