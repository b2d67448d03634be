package io.parley.server.config;

import io.parley.server.app.App;
import io.parley.server.store.SyncPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything a running server needs to know, already validated. */
public record ServerConfig(
    String bind,
    Path dataDir,
    Ports ports,
    SyncPolicy syncPolicy,
    Limits limits,
    Heartbeat heartbeat,
    LoginThrottle loginThrottle,
    List<App> apps,
    boolean sandbox,
    Optional<Tls> tls) {

  public ServerConfig {
    apps = List.copyOf(apps);
  }

  /** A deployment's own HTTPS certificate chain and private key (PEM files); the sandbox writes its own. */
  public record Tls(Path certificate, Path privateKey) {}

  /** Listener ports; 0 picks a free port. */
  public record Ports(int tcp, int ws, int http, int https, int admin) {}

  /**
   * Per-connection limits; per-app limits (message size, send rate) live on each app. {@code slowConsumerMs}: how
   * long a connection may leave the server's output unread (its channel unwritable) before it is kicked with
   * SLOW_CONSUMER; meanwhile the server stops reading its requests. {@code groupWriteFanOut}: the most members a
   * group may have and still get one timeline entry per member per event; a larger group is read from its own
   * timeline (members pull it).
   */
  public record Limits(int maxFrameBytes, int loginTimeoutMs, int slowConsumerMs, int groupWriteFanOut) {
    /** The default slow-consumer deadline. */
    public static final int DEFAULT_SLOW_CONSUMER_MS = 30_000;
    /** The default largest group fanned out on write. */
    public static final int DEFAULT_GROUP_WRITE_FAN_OUT = 500;

    public Limits(int maxFrameBytes, int loginTimeoutMs) {
      this(maxFrameBytes, loginTimeoutMs, DEFAULT_SLOW_CONSUMER_MS);
    }

    public Limits(int maxFrameBytes, int loginTimeoutMs, int slowConsumerMs) {
      this(maxFrameBytes, loginTimeoutMs, slowConsumerMs, DEFAULT_GROUP_WRITE_FAN_OUT);
    }
  }

  /**
   * How many failed logins are tolerated before further attempts are refused outright: token buckets of
   * {@code burst} attempts refilled at {@code perMinute}, one bucket per source address and one per app user.
   */
  public record LoginThrottle(int addressBurst, int addressPerMinute, int userBurst, int userPerMinute) {}

  /** The ping interval range announced at login, and the grace added to the idle deadline. */
  public record Heartbeat(int minMs, int maxMs, int graceMs) {
    /** How long a connection may stay silent when its client pings every {@code intervalMs}. */
    public long idleDeadlineMs(int intervalMs) {
      return 2L * Math.max(minMs, Math.min(maxMs, intervalMs)) + graceMs;
    }
  }

  public ServerConfig withPorts(Ports value) {
    return new ServerConfig(bind, dataDir, value, syncPolicy, limits, heartbeat, loginThrottle, apps, sandbox, tls);
  }

  public ServerConfig withDataDir(Path value) {
    return new ServerConfig(bind, value, ports, syncPolicy, limits, heartbeat, loginThrottle, apps, sandbox, tls);
  }

  public ServerConfig withBind(String value) {
    return new ServerConfig(value, dataDir, ports, syncPolicy, limits, heartbeat, loginThrottle, apps, sandbox, tls);
  }

  public ServerConfig withSyncPolicy(SyncPolicy value) {
    return new ServerConfig(bind, dataDir, ports, value, limits, heartbeat, loginThrottle, apps, sandbox, tls);
  }

  public ServerConfig withLimits(Limits value) {
    return new ServerConfig(bind, dataDir, ports, syncPolicy, value, heartbeat, loginThrottle, apps, sandbox, tls);
  }

  public ServerConfig withHeartbeat(Heartbeat value) {
    return new ServerConfig(bind, dataDir, ports, syncPolicy, limits, value, loginThrottle, apps, sandbox, tls);
  }

  public ServerConfig withLoginThrottle(LoginThrottle value) {
    return new ServerConfig(bind, dataDir, ports, syncPolicy, limits, heartbeat, value, apps, sandbox, tls);
  }

  public ServerConfig withApps(List<App> value) {
    return new ServerConfig(bind, dataDir, ports, syncPolicy, limits, heartbeat, loginThrottle, value, sandbox, tls);
  }
}
