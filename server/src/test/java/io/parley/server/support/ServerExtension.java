package io.parley.server.support;

import io.parley.server.ParleyServer;
import io.parley.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process server on the test config (free ports, its own temp data dir), closed afterwards: a fresh one per
 * test when registered on an instance field, one for the whole class when registered on a static field.
 */
public final class ServerExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
  private final UnaryOperator<ServerConfig> customize;
  private boolean perClass;
  private Class<?> owner; // the class that started a per-class server; its @Nested classes share it
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
  public void beforeAll(ExtensionContext context) throws Exception {
    if (owner == null) {
      perClass = true;
      owner = context.getRequiredTestClass();
      start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (context.getRequiredTestClass() == owner) {
      owner = null;
      stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      start();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    if (!perClass) {
      stop();
    }
  }

  private void start() throws Exception {
    dir = Files.createTempDirectory("parley-test");
    server = ParleyServer.start(customize.apply(TestServers.config(dir)));
  }

  private void stop() throws IOException {
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
