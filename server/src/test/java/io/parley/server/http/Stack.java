package io.parley.server.http;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** An {@link HttpServer} on a free loopback port with its own handler pool, for one test. */
final class Stack implements AutoCloseable {
  static final String POOL = "test-handlers";

  final ExecutorService pool;
  final HttpServer server;

  Stack(Router router, int threads, int queued, int maxBodyBytes) throws InterruptedException {
    this.pool = HandlerPool.create(POOL, threads, queued);
    this.server = new HttpServer(router, pool, maxBodyBytes, Optional.empty()).start("127.0.0.1", 0);
  }

  Stack(Router router) throws InterruptedException {
    this(router, 2, 16, 1024);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    pool.shutdownNow();
  }
}
