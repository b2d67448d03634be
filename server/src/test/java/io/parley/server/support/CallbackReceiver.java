package io.parley.server.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app server that receives callbacks on 127.0.0.1 (the JDK's HttpServer): it records every request and answers
 * each with what its {@link Script} says, which may be to wait first. Close it to release every waiting answer.
 */
public final class CallbackReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Tencent's "OK" answer, which every vendor's receiver may send (the others only look at the status). */
  public static final String OK = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}";

  /** One callback as it arrived. */
  public record Received(String method, URI uri, Map<String, String> headers, byte[] body) {
    /** A header by name, any case; null when absent. */
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }

    /** The URL's query parameters, decoded, in order. */
    public Map<String, String> query() {
      return decodeQuery(uri);
    }

    /** Any URL's query parameters, decoded, in order. */
    public static Map<String, String> decodeQuery(URI uri) {
      return CallbackReceiver.decodeForm(uri.getRawQuery());
    }

    /** A form-encoded string, decoded, in order. */
    public static Map<String, String> decodeForm(String raw) {
      return CallbackReceiver.decodeForm(raw);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The body read as {@code application/x-www-form-urlencoded}. */
    public Map<String, String> form() {
      return CallbackReceiver.decodeForm(text());
    }
  }

  /** One answer: its HTTP status and body. */
  public record Reply(int status, String body) {
    public static Reply ok() {
      return new Reply(200, OK);
    }
  }

  /** Decides the answer to the {@code n}-th request (1 for the first); may wait. */
  @FunctionalInterface
  public interface Script {
    Reply answer(Received request, int n) throws InterruptedException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Received> all = new ArrayList<>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Script script;

  private CallbackReceiver(Script script) throws IOException {
    this.script = script;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A receiver that answers every callback with 200 and Tencent's OK body. */
  public static CallbackReceiver start() throws IOException {
    return new CallbackReceiver((r, n) -> Reply.ok());
  }

  public static CallbackReceiver start(Script script) throws IOException {
    return new CallbackReceiver(script);
  }

  /** A URL on 127.0.0.1 where nothing listens: connections are refused. */
  public static URI refusingUrl() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/im/callback");
    }
  }

  /** The callback URL to configure: this receiver's {@code /im/callback}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/im/callback");
  }

  /** Answers from now on by this script. */
  public void answer(Script next) {
    this.script = next;
  }

  /** Waits until this receiver closes or {@code max} passes (a slow app). */
  public void holdUpTo(Duration max) throws InterruptedException {
    closing.await(max.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next callback not yet taken, waiting up to 10 s for it. */
  public Received next() throws InterruptedException {
    Received r = received.poll(10, TimeUnit.SECONDS);
    assertNotNull(r, "no callback arrived within 10 s");
    return r;
  }

  /** How many callbacks arrived so far. */
  public int count() {
    return count.get();
  }

  /** How many answers were sent so far. */
  public int answered() {
    return answered.get();
  }

  /** Every callback so far, in arrival order. */
  public synchronized List<Received> all() {
    return List.copyOf(all);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
      Received r = new Received(ex.getRequestMethod(), ex.getRequestURI(), headers, ex.getRequestBody().readAllBytes());
      synchronized (this) {
        all.add(r);
      }
      int n = count.incrementAndGet();
      received.add(r);
      Reply reply;
      try {
        reply = script.answer(r, n);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
      ex.getResponseBody().write(out);
      answered.incrementAndGet();
    } catch (IOException e) {
      // the callback sender gave up on this request (a timeout): nothing to answer
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  /** A form-encoded (or query) string, decoded, in order. */
  public static Map<String, String> decodeForm(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
