package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.parley.protocol.credential.tencent.TencentCallbackSign;
import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.config.Sandbox;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Apps hear of their users' logins and logouts through their vendor's callback")
class StateCallbackTest {
  private static final String TOKEN = "state-callback-token";
  /** Signed Tencent State.StateChange callbacks the receiver got: query parameters and body. */
  static final List<Map.Entry<Map<String, String>, JsonNode>> received = new ArrayList<>();
  static final HttpServer receiver = receiver();

  @RegisterExtension static final ServerExtension running = new ServerExtension(c -> c.withApps(List.of(
      withCallback(Sandbox.tencentApp()), Sandbox.rongcloudApp(), Sandbox.neteaseApp(), Sandbox.yuntongxunApp())));

  private static App withCallback(App app) {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/im");
    return new App(app.id(), app.vendor(), app.secrets(), app.limits(),
        new CallbackSettings(Optional.of(url), Optional.of(TOKEN)));
  }

  private static HttpServer receiver() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ObjectMapper json = new ObjectMapper();
      s.createContext("/im", exchange -> {
        Map<String, String> query = java.util.Arrays.stream(exchange.getRequestURI().getRawQuery().split("&"))
            .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p.length > 1 ? p[1] : ""));
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        synchronized (received) {
          received.add(Map.entry(query, body));
        }
        byte[] ok = "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, ok.length);
        exchange.getResponseBody().write(ok);
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

  private static List<JsonNode> infosOf(String user) {
    synchronized (received) {
      return received.stream()
          .filter(r -> "State.StateChange".equals(r.getKey().get("CallbackCommand")))
          .map(Map.Entry::getValue)
          .filter(b -> user.equals(b.path("Info").path("To_Account").asText()))
          .map(b -> b.path("Info"))
          .toList();
    }
  }

  @Test
  @DisplayName("a login sends State.StateChange Login, a closed connection Disconnect, each signed with the app's token")
  void loginThenDisconnect() throws Exception {
    try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      assertTrue(c.login(RawConnection.login("stateful")).hasLoginResult());
      await().atMost(Duration.ofSeconds(10)).until(() -> infosOf("stateful").size() == 1);
      assertEquals("Login", infosOf("stateful").get(0).path("Action").asText());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> infosOf("stateful").size() == 2);
    assertEquals("Disconnect", infosOf("stateful").get(1).path("Action").asText());
    synchronized (received) {
      for (var r : received) {
        Map<String, String> q = r.getKey();
        assertEquals(Sandbox.TENCENT_APP_ID, q.get("SdkAppid"));
        assertEquals(TencentCallbackSign.sign(TOKEN, q.get("RequestTime")), q.get("Sign"));
      }
    }
  }

  @Test
  @DisplayName("a login that replaces a device on the same platform makes that device's session a Logout")
  void replacedDeviceLogsOut() throws Exception {
    try (RawConnection first = new RawConnection(running.server().tcpPort())) {
      assertTrue(first.login(RawConnection.login("replaced").setDeviceId("phone-1")).hasLoginResult());
      try (RawConnection second = new RawConnection(running.server().tcpPort())) {
        assertTrue(second.login(RawConnection.login("replaced").setDeviceId("phone-2")).hasLoginResult());
        await().atMost(Duration.ofSeconds(10)).until(() -> infosOf("replaced").size() >= 3);
        List<String> actions = infosOf("replaced").stream().map(i -> i.path("Action").asText()).toList();
        assertEquals(List.of("Login", "Login", "Logout"), actions.stream().sorted().toList(),
            "two logins, and the replaced session's logout: " + actions);
      }
    }
  }
}
