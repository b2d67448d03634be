package io.parley.server.http;

import io.netty.handler.ssl.SslContext;
import io.parley.server.config.ConfigException;
import io.parley.server.config.DataDir;
import io.parley.server.config.ServerConfig;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vendor REST faces' two listeners, one router: HTTP always, HTTPS with the deployment's {@code tls} files or, in
 * the sandbox, the self-signed {@link SandboxCertificate} of its data directory; a deployment without {@code tls}
 * serves no HTTPS.
 */
public final class RestListeners implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RestListeners.class);
  /** Vendor REST bodies are small JSON or form documents; 1 MiB is the frame limit's default too. */
  static final int MAX_BODY_BYTES = 1 << 20;

  /**
   * REST handlers block while the store makes a send durable (one group commit, a few ms): threads mostly wait, so
   * there are enough of them for the requests in flight to share a commit instead of queueing for a thread.
   */
  static final int HANDLER_THREADS = 64;

  private final ExecutorService handlers = HandlerPool.create("parley-rest", HANDLER_THREADS, 1024);
  private final HttpServer http;
  private final Optional<HttpServer> https;

  private RestListeners(Router router, Optional<SslContext> tls) {
    this.http = new HttpServer(router, handlers, MAX_BODY_BYTES, Optional.empty());
    this.https = tls.map(context -> new HttpServer(router, handlers, MAX_BODY_BYTES, Optional.of(context)));
  }

  /** Binds both listeners on the config's address and ports. */
  public static RestListeners start(ServerConfig config, Router router) throws Exception {
    RestListeners rest = new RestListeners(router, tls(config));
    try {
      rest.http.start(config.bind(), config.ports().http());
      if (rest.https.isPresent()) {
        rest.https.get().start(config.bind(), config.ports().https());
      } else {
        LOG.info("no HTTPS listener: the config names no tls: {certificate, privateKey}");
      }
    } catch (Exception e) {
      rest.close();
      throw e;
    }
    return rest;
  }

  private static Optional<SslContext> tls(ServerConfig config) throws Exception {
    if (config.tls().isPresent()) {
      ServerConfig.Tls files = config.tls().get();
      try {
        return Optional.of(PemTls.server(files.certificate(), files.privateKey()));
      } catch (SSLException e) {
        throw new ConfigException("tls", e.getMessage());
      }
    }
    if (config.sandbox()) {
      SandboxCertificate.TlsFiles files = SandboxCertificate.writeOrReuse(DataDir.tls(config.dataDir()));
      return Optional.of(PemTls.server(files.certificate(), files.privateKey()));
    }
    return Optional.empty();
  }

  public int httpPort() {
    return http.port();
  }

  /** The HTTPS port, or empty when this server has no certificate to serve. */
  public OptionalInt httpsPort() {
    return https.map(s -> OptionalInt.of(s.port())).orElse(OptionalInt.empty());
  }

  @Override
  public void close() {
    http.close();
    https.ifPresent(HttpServer::close);
    handlers.shutdown();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
