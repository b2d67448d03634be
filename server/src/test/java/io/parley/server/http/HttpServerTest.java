package io.parley.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The HTTP stack")
class HttpServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private Stack stack;

  private final Router router = Router.builder("test")
      .get("/hello", r -> HttpResponse.text(200, "hello"))
      .get("/peer", r -> HttpResponse.text(200, Integer.toString(r.remoteAddress().getPort())))
      .get("/thread", r -> HttpResponse.text(200, Thread.currentThread().getName()))
      .get("/slow", r -> {
        slowStarted.countDown();
        releaseSlow.await(10, TimeUnit.SECONDS);
        return HttpResponse.text(200, "slow");
      })
      .get("/throws", r -> {
        throw new IllegalStateException("secret detail from deep inside");
      })
      .post("/echo", r -> HttpResponse.text(200, r.bodyText()))
      .prefix("POST", "/v4/", r -> HttpResponse.text(200, "v4"))
      .errors("/v4/", (status, message) -> HttpResponse.json(200,
          "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":" + status + "}"))
      .build();

  @BeforeEach
  void start() throws Exception {
    stack = new Stack(router);
  }

  @AfterEach
  void stop() {
    releaseSlow.countDown();
    stack.close();
  }

  private static JsonNode json(RawHttp.Reply reply) throws Exception {
    assertEquals("application/json", reply.headers().get("content-type"));
    return JSON.readTree(reply.body());
  }

  @Test
  @DisplayName("keeps the connection alive: two requests, two answers, one connection")
  void keepAlive() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      assertEquals("hello", c.exchange(RawHttp.get("/hello")).body());
      RawHttp.Reply second = c.exchange(RawHttp.get("/hello"));
      assertEquals(200, second.status());
      assertFalse(second.headers().containsKey("connection"), second.headers().toString());
    }
  }

  @Test
  @DisplayName("the JDK's HttpClient sends two requests over one connection (the handler sees the same peer port)")
  void keepAliveWithTheJdkClient() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    java.net.http.HttpRequest peer = java.net.http.HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + stack.port() + "/peer")).timeout(Duration.ofSeconds(10)).build();
    String first = client.send(peer, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    String second = client.send(peer, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    assertEquals(first, second);
  }

  @Test
  @DisplayName("Connection: close is honoured: the answer says close and the server closes")
  void connectionClose() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(RawHttp.get("/hello", "Connection: close\r\n"));
      assertEquals("hello", reply.body());
      assertEquals("close", reply.headers().get("connection"));
      assertTrue(c.closedByServer());
    }
  }

  @Test
  @DisplayName("HTTP/1.0 closes after the answer unless it asks for keep-alive, and then it stays open")
  void http10() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange("GET /hello HTTP/1.0\r\n\r\n");
      assertEquals("hello", reply.body());
      assertTrue(c.closedByServer());
    }
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      assertEquals("keep-alive", reply.headers().get("connection"));
      assertEquals("hello", c.exchange("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").body());
    }
  }

  @Test
  @DisplayName("pipelined requests are answered in the order they came, a slow one first")
  void pipelining() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      c.send(RawHttp.get("/slow") + RawHttp.get("/hello"));
      assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
      releaseSlow.countDown();
      assertEquals("slow", c.read().body());
      assertEquals("hello", c.read().body());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Content-Length", "chunked", "Expect: 100-continue"})
  @DisplayName("a body over the limit gets a JSON 413 and the connection is closed")
  void bodyOverTheLimit(String how) throws Exception {
    String body = "x".repeat(2048);
    String request = switch (how) {
      case "Content-Length" -> RawHttp.post("/echo", "text/plain", body);
      case "chunked" -> "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "400\r\n" + body.substring(0, 1024) + "\r\n400\r\n" + body.substring(1024) + "\r\n0\r\n\r\n";
      default -> "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 2048\r\n\r\n";
    };
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(request);
      assertEquals(413, reply.status());
      assertEquals("the request body is over the limit of 1024 bytes", json(reply).get("error").asText());
      assertEquals("close", reply.headers().get("connection"));
      assertTrue(c.closedByServer());
    }
  }

  @Test
  @DisplayName("a client still uploading a body over the limit reads the 413 before the connection closes")
  void tooLargeWhileUploading() throws Exception {
    try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), stack.port())) {
      s.setSoTimeout(10_000); // a safety net against a hung test, not an assertion
      java.io.OutputStream out = s.getOutputStream();
      byte[] chunk = new byte[16 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      int total = 64 * chunk.length;
      out.write(("POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: " + total
          + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      out.write(chunk);
      out.flush();
      java.io.InputStream in = s.getInputStream();
      int first = in.read(); // the server has answered (and, before this was fixed, closed its end at once)
      for (int sent = chunk.length; sent < total; sent += chunk.length) {
        try {
          out.write(chunk); // the rest of the upload arrives after the answer, as it does from a real client
        } catch (java.io.IOException closed) {
          break;
        }
      }
      String reply = (char) first + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(reply.startsWith("HTTP/1.1 413 "), reply);
    }
  }

  @Test
  @DisplayName("a body at the limit is taken")
  void bodyAtTheLimit() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      assertEquals("y".repeat(1024), c.exchange(RawHttp.post("/echo", "text/plain", "y".repeat(1024))).body());
    }
  }

  @Test
  @DisplayName("an unknown path is a JSON 404 that names the face and its routes")
  void unknownPath() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(RawHttp.get("/nope"));
      assertEquals(404, reply.status());
      String message = json(reply).get("error").asText();
      assertTrue(message.startsWith("no test route matches GET /nope; routes here: "), message);
      assertTrue(message.contains("GET /hello") && message.contains("POST /v4/*"), message);
      assertEquals("hello", c.exchange(RawHttp.get("/hello")).body(), "a 404 keeps the connection");
    }
  }

  @Test
  @DisplayName("a known path with the wrong method is a JSON 405 with Allow")
  void wrongMethod() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(RawHttp.post("/hello", "text/plain", "hi"));
      assertEquals(405, reply.status());
      assertEquals("GET", reply.headers().get("allow"));
      assertEquals("/hello does not take POST; use GET", json(reply).get("error").asText());
    }
  }

  @Test
  @DisplayName("a handler that throws gets a generic JSON 500: no stack trace, no exception text")
  void handlerThrows() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange(RawHttp.get("/throws"));
      assertEquals(500, reply.status());
      assertEquals(Dispatcher.FAILED, json(reply).get("error").asText());
      assertFalse(reply.body().contains("secret") || reply.body().contains("Exception") || reply.body().contains("at io."),
          reply.body());
      assertEquals("hello", c.exchange(RawHttp.get("/hello")).body(), "the connection survives");
    }
  }

  @Test
  @DisplayName("handlers run on the handler pool's threads, not on the event loop")
  void offTheLoop() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      assertTrue(c.exchange(RawHttp.get("/thread")).body().startsWith(Stack.POOL + "-"));
    }
  }

  @Test
  @DisplayName("a request the full handler pool cannot take gets a JSON 503")
  void fullPool() throws Exception {
    try (Stack one = new Stack(router, 1, 0, 1024); RawHttp busy = new RawHttp(one.port());
        RawHttp refused = new RawHttp(one.port())) {
      busy.send(RawHttp.get("/slow"));
      assertTrue(slowStarted.await(10, TimeUnit.SECONDS));

      RawHttp.Reply reply = refused.exchange(RawHttp.get("/hello"));

      assertEquals(503, reply.status());
      assertEquals(Dispatcher.BUSY, json(reply).get("error").asText());
      releaseSlow.countDown();
      assertEquals("slow", busy.read().body());
    }
  }

  @Test
  @DisplayName("under a prefix with its own error writer, 404, 405 and 413 come in that face's format")
  void prefixErrorWriter() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      assertEquals("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":405}", c.exchange(RawHttp.get("/v4/group/list")).body());
      assertEquals("v4", c.exchange(RawHttp.post("/v4/group/list", "application/json", "{}")).body());
      assertEquals("{\"ActionStatus\":\"FAIL\",\"ErrorCode\":413}",
          c.exchange(RawHttp.post("/v4/big", "application/json", "x".repeat(2000))).body());
    }
  }

  @Test
  @DisplayName("what is not HTTP gets a JSON 400 and the connection is closed")
  void notHttp() throws Exception {
    try (RawHttp c = new RawHttp(stack.port())) {
      RawHttp.Reply reply = c.exchange("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: lots\r\n\r\n");
      assertEquals(400, reply.status());
      assertEquals("the request is not valid HTTP", json(reply).get("error").asText());
      assertTrue(c.closedByServer());
    }
  }
}
