package io.parley.server.config;

import io.parley.server.auth.App;
import io.parley.server.store.SyncPolicy;
import java.nio.file.Path;
import java.util.List;

/** Everything a running server needs to know, already validated. */
public record ServerConfig(
    String bind,
    Path dataDir,
    Ports ports,
    SyncPolicy syncPolicy,
    Limits limits,
    Heartbeat heartbeat,
    List<App> apps,
    boolean sandbox) {

  public ServerConfig {
    apps = List.copyOf(apps);
  }

  /** Listener ports; 0 picks a free port. */
  public record Ports(int tcp, int ws, int http, int https, int admin) {}

  /** Per-connection and per-message limits. */
  public record Limits(
      int maxFrameBytes, int maxMessageBytes, int sendsPerSecond, int sendBurst, int loginTimeoutMs) {}

  /** The ping interval range announced at login, and the grace added to the idle deadline. */
  public record Heartbeat(int minMs, int maxMs, int graceMs) {
    /** How long a connection may stay silent when its client pings every {@code intervalMs}. */
    public long idleDeadlineMs(int intervalMs) {
      return 2L * Math.max(minMs, Math.min(maxMs, intervalMs)) + graceMs;
    }
  }

  public ServerConfig withPorts(Ports p) {
    return new ServerConfig(bind, dataDir, p, syncPolicy, limits, heartbeat, apps, sandbox);
  }

  public ServerConfig withDataDir(Path d) {
    return new ServerConfig(bind, d, ports, syncPolicy, limits, heartbeat, apps, sandbox);
  }

  public ServerConfig withBind(String b) {
    return new ServerConfig(b, dataDir, ports, syncPolicy, limits, heartbeat, apps, sandbox);
  }

  public ServerConfig withSyncPolicy(SyncPolicy s) {
    return new ServerConfig(bind, dataDir, ports, s, limits, heartbeat, apps, sandbox);
  }

  public ServerConfig withLimits(Limits l) {
    return new ServerConfig(bind, dataDir, ports, syncPolicy, l, heartbeat, apps, sandbox);
  }

  public ServerConfig withHeartbeat(Heartbeat h) {
    return new ServerConfig(bind, dataDir, ports, syncPolicy, limits, h, apps, sandbox);
  }
}
