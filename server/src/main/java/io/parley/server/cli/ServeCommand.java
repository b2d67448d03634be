package io.parley.server.cli;

import io.parley.server.ParleyServer;
import io.parley.server.config.ConfigException;
import io.parley.server.config.ServerConfig;
import io.parley.server.gateway.Transport;
import io.parley.server.store.SyncPolicy;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley-server}: runs the server — the sandbox without {@code --config}, a deployment with it. */
@Command(name = "parley-server", mixinStandardHelpOptions = true, version = "parley-server 0.1.0",
    description = "Runs Parley. With no options: a sandbox on 127.0.0.1 with one dev app per vendor (see the banner)."
        + " With --config, SIGHUP (or POST /admin/reload) reloads the apps.",
    subcommands = {UserSigCommand.class, CredentialCommand.class, DoctorCommand.class})
public final class ServeCommand implements Callable<Integer> {
  @Mixin ConfigOption configOption;

  @Option(names = "--tcp-port", description = "client TCP port (default 9100; 0 picks a free port)") Integer tcpPort;
  @Option(names = "--ws-port", description = "client WebSocket port, path /ws (default 9200)") Integer wsPort;
  @Option(names = "--http-port", description = "vendor REST over HTTP (default 9300)") Integer httpPort;
  @Option(names = "--https-port", description = "vendor REST over HTTPS (default 9443; the sandbox's certificate is self-signed, a --config names its own)") Integer httpsPort;
  @Option(names = "--admin-port", description = "admin: /health and /metrics (default 9900)") Integer adminPort;
  @Option(names = "--data-dir", description = "data directory (default ./parley-data)") Path dataDir;
  @Option(names = "--bind", description = "bind address (default 127.0.0.1)") String bind;
  @Option(names = "--sync", description = "store sync policy: fsync (default) or none (for comparisons only)") String sync;

  private final PrintStream out;

  public ServeCommand(PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    ServerConfig config = applyFlags(configOption.load());
    ParleyServer server = ParleyServer.start(config, Optional.ofNullable(configOption.file));
    if (configOption.file != null) {
      HangUpReload.install(server);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "parley-shutdown"));
    Banner.print(out, server, Transport.name());
    stopped.await();
    return 0;
  }

  private ServerConfig applyFlags(ServerConfig c) throws ConfigException {
    ServerConfig.Ports p = c.ports();
    p = new ServerConfig.Ports(port("--tcp-port", tcpPort, p.tcp()), port("--ws-port", wsPort, p.ws()),
        port("--http-port", httpPort, p.http()), port("--https-port", httpsPort, p.https()),
        port("--admin-port", adminPort, p.admin()));
    c = c.withPorts(p);
    if (dataDir != null) {
      c = c.withDataDir(dataDir);
    }
    if (bind != null) {
      c = c.withBind(bind);
    }
    if (sync != null) {
      c = c.withSyncPolicy(switch (sync) {
        case "fsync" -> SyncPolicy.FSYNC;
        case "none" -> SyncPolicy.NONE;
        default -> throw new ConfigException("--sync", "must be 'fsync' or 'none', not '" + sync + "'");
      });
    }
    return c;
  }

  private static int port(String flag, Integer value, int dflt) throws ConfigException {
    if (value == null) {
      return dflt;
    }
    if (value < 0 || value > 65535) {
      throw new ConfigException(flag, "must be a port number 0-65535, not " + value);
    }
    return value;
  }
}
