package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.protocol.ErrorCodes;
import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("An app's before- and after-send callbacks see, refuse and change its users' messages")
class MessageCallbackTest {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Bodies of the C2C callbacks received, with their CallbackCommand. */
  static final List<JsonNode> received = new CopyOnWriteArrayList<>();
  static final HttpServer receiver = receiver();

  @RegisterExtension static final ServerExtension running = new ServerExtension(c -> c.withApps(List.of(
      withCallback(Sandbox.tencentApp()), Sandbox.rongcloudApp(), Sandbox.neteaseApp(), Sandbox.yuntongxunApp())));

  private static App withCallback(App app) {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/im");
    return new App(app.id(), app.vendor(), app.secrets(), app.limits(), new CallbackSettings(Optional.of(url), Optional.empty()));
  }

  /** Refuses a text "forbidden", rewrites "rewrite me" to "rewritten", lets the rest through. */
  private static HttpServer receiver() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/im", exchange -> {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String command = body.path("CallbackCommand").asText();
        if (command.startsWith("C2C.")) {
          received.add(body);
        }
        String text = body.path("MsgBody").path(0).path("MsgContent").path("Text").asText();
        String answer = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}";
        if (command.equals("C2C.CallbackBeforeSendMsg") && text.equals("forbidden")) {
          answer = "{\"ActionStatus\":\"OK\",\"ErrorCode\":120001,\"ErrorInfo\":\"not on my watch\"}";
        } else if (command.equals("C2C.CallbackBeforeSendMsg") && text.equals("rewrite me")) {
          answer = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"MsgBody\":"
              + "[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"rewritten\"}}]}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopReceiver() {
    receiver.stop(0);
  }

  private static List<JsonNode> callbacks(String command, String text) {
    return received.stream().filter(b -> b.path("CallbackCommand").asText().equals(command))
        .filter(b -> b.path("MsgBody").path(0).path("MsgContent").path("Text").asText().equals(text)).toList();
  }

  @Test
  @DisplayName("an allowed message is delivered; the app saw it before (MsgBody as Tencent writes it) and after, with its MsgKey")
  void allowed() throws Exception {
    Recorder bob = new Recorder();
    try (ParleyClient b = Clients.tcp(running.server(), "cb-bob", bob).build();
        ParleyClient a = Clients.tcp(running.server(), "cb-alice", new Recorder()).build()) {
      b.connect().get(10, TimeUnit.SECONDS);
      a.connect().get(10, TimeUnit.SECONDS);
      a.send("cb-bob", Elements.text("hello app")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 1);
      await().atMost(Duration.ofSeconds(10)).until(() -> callbacks("C2C.CallbackAfterSendMsg", "hello app").size() == 1);
      JsonNode before = callbacks("C2C.CallbackBeforeSendMsg", "hello app").get(0);
      assertEquals("cb-alice", before.path("From_Account").asText());
      assertEquals("cb-bob", before.path("To_Account").asText());
      assertEquals("TIMTextElem", before.path("MsgBody").path(0).path("MsgType").asText());
      JsonNode after = callbacks("C2C.CallbackAfterSendMsg", "hello app").get(0);
      assertTrue(after.path("MsgKey").asText().matches("\\d+_\\d+_\\d+"), "MsgKey as Tencent shapes it: " + after);
    }
  }

  @Test
  @DisplayName("a message the app refuses fails with REFUSED_BY_APP carrying the app's code, and nobody receives it")
  void refused() throws Exception {
    Recorder bob = new Recorder();
    try (ParleyClient b = Clients.tcp(running.server(), "cb-bob2", bob).build();
        ParleyClient a = Clients.tcp(running.server(), "cb-alice2", new Recorder()).build()) {
      b.connect().get(10, TimeUnit.SECONDS);
      a.connect().get(10, TimeUnit.SECONDS);
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> a.send("cb-bob2", Elements.text("forbidden")).get(10, TimeUnit.SECONDS));
      ParleyException p = assertInstanceOf(ParleyException.class, e.getCause());
      assertEquals(ErrorCodes.REFUSED_BY_APP, p.code());
      assertTrue(p.getMessage().contains("120001") && p.getMessage().contains("not on my watch"), p.getMessage());
      a.send("cb-bob2", Elements.text("fine")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 1);
      assertEquals("fine", bob.messages().get(0).elements().get(0).getText().getText(), "only the allowed one arrives");
    }
  }

  @Test
  @DisplayName("a MsgBody the app sends back replaces the message's elements")
  void modified() throws Exception {
    Recorder bob = new Recorder();
    try (ParleyClient b = Clients.tcp(running.server(), "cb-bob3", bob).build();
        ParleyClient a = Clients.tcp(running.server(), "cb-alice3", new Recorder()).build()) {
      b.connect().get(10, TimeUnit.SECONDS);
      a.connect().get(10, TimeUnit.SECONDS);
      a.send("cb-bob3", Elements.text("rewrite me")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 1);
      assertEquals("rewritten", bob.messages().get(0).elements().get(0).getText().getText());
    }
  }
}
