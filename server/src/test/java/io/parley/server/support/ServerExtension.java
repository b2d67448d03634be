package io.parley.server.support;

import io.parley.server.ParleyServer;
import io.parley.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A fresh in-process server per test: test config on free ports, its own temp data dir, closed afterwards. */
public final class ServerExtension implements BeforeEachCallback, AfterEachCallback {
  private final UnaryOperator<ServerConfig> customize;
  private Path dir;
  private ParleyServer server;

  public ServerExtension() {
    this(c -> c);
  }

  public ServerExtension(UnaryOperator<ServerConfig> customize) {
    this.customize = customize;
  }

  public ParleyServer server() {
    return server;
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    dir = Files.createTempDirectory("parley-test");
    server = ParleyServer.start(customize.apply(TestServers.config(dir)));
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (server != null) {
      server.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
