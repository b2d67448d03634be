package io.parley.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench callback-sink}: an app server's callback endpoint for benchmarks. It answers every POST with
 * Tencent's "go ahead" ({@code ErrorCode 0}; other vendors read 200 as success), optionally after a delay, counts what
 * it got, and stops after {@code --seconds}. Point an app's {@code callback.url} at it to measure sends with callbacks.
 */
@Command(name = "callback-sink", mixinStandardHelpOptions = true,
    description = "Answer callbacks (HTTP 200, ErrorCode 0) and count them; for c2c with callbacks on.")
public final class CallbackSinkCommand implements Runnable {
  private static final byte[] OK =
      "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}".getBytes(StandardCharsets.UTF_8);

  @Option(names = "--port", defaultValue = "9800") int port;
  @Option(names = "--delay-ms", defaultValue = "0", description = "answer this late (a slow app server)") long delayMs;
  @Option(names = "--seconds", defaultValue = "600", description = "stop after this long") long seconds;

  @Override
  public void run() {
    AtomicLong requests = new AtomicLong();
    // The JDK server writes headers and body apart; with Nagle on, a keep-alive client waits out the peer's delayed
    // ACK (~40 ms) on every request. Real app servers set TCP_NODELAY, and so does this one.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
      server.setExecutor(Executors.newFixedThreadPool(delayMs > 0 ? 64 : 2));
      server.createContext("/", exchange -> {
        exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        if (delayMs > 0) {
          try {
            Thread.sleep(delayMs); // the slow app server this option stands for
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, OK.length);
        exchange.getResponseBody().write(OK);
        exchange.close();
      });
      server.start();
      System.out.println("callback-sink: listening on http://127.0.0.1:" + server.getAddress().getPort() + "/");
      new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
      server.stop(0);
      System.out.println("callback-sink: " + requests.get() + " callbacks");
      System.exit(0);
    } catch (Exception e) {
      System.err.println("callback-sink: " + e);
      System.exit(1);
    }
  }
}
