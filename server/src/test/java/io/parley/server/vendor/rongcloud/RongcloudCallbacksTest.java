package io.parley.server.vendor.rongcloud;

import static io.parley.server.support.CallbackFixtures.TIME;
import static io.parley.server.support.CallbackFixtures.change;
import static io.parley.server.support.CallbackFixtures.json;
import static io.parley.server.support.CallbackFixtures.login;
import static io.parley.server.support.CallbackFixtures.message;
import static io.parley.server.support.CallbackFixtures.rongcloud;
import static io.parley.server.support.CallbackFixtures.settings;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.credential.rongcloud.RongcloudApiSignature;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackOptions;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.Phase;
import io.parley.server.callback.StateChange.Action;
import io.parley.server.callback.StateChange.Reason;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.CallbackReceiver.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("Rongcloud callbacks")
@Timeout(60)
class RongcloudCallbacksTest {
  static final URI URL = URI.create("https://app.example.com/rong/callback");
  /** The App Secret of the vendor guide's example (its PHP sample), which signs Nonce 14314 at 1408710653000. */
  static final String GUIDE_SECRET = "Y1W2MeFwwwRxa0";
  static final String TEXT = "{\"objectName\":\"RC:TxtMsg\",\"content\":{\"content\":\"hello\",\"extra\":\"\"}}";

  final RongcloudCallbacks format = new RongcloudCallbacks();
  final App app = rongcloud(settings(URL), "rong-secret");

  CallbackRequest request(String command, List<CallbackEvent> events) {
    return format.request(app, command, events, TIME);
  }

  @Test
  @DisplayName("the vendor guide's example: Nonce 14314 at 1408710653000 signs as 30be0bbc…c88f, in the URL")
  void vendorSignExample() {
    RongcloudCallbacks pinned = new RongcloudCallbacks(() -> "14314");
    App guide = rongcloud(settings(URL), GUIDE_SECRET);

    CallbackRequest r = pinned.request(guide, RongcloudCallbacks.ONLINE_STATUS, List.of(login("alice")),
        Instant.ofEpochMilli(1408710653000L));

    assertEquals("https://app.example.com/rong/callback?nonce=14314&signTimestamp=1408710653000"
        + "&signature=30be0bbca9c9b2e27578701e9fda2358a814c88f", r.uri().toString());
  }

  @Test
  @DisplayName("an online-status POST is a JSON array of {userid, status, os, time, clientIp, sessionId}")
  void statusBody() {
    CallbackRequest r = request(RongcloudCallbacks.ONLINE_STATUS, List.of(login("alice"),
        change("alice", Action.DISCONNECT, Reason.HEARTBEAT_TIMEOUT), change("alice", Action.LOGOUT, Reason.LOGGED_OUT)));

    String one = "\"os\":\"Android\",\"time\":" + TIME.toEpochMilli() + ",\"clientIp\":\"10.0.0.7:50123\","
        + "\"sessionId\":\"alice-phone\"}";
    assertEquals(json("[{\"userid\":\"alice\",\"status\":\"0\"," + one + ",{\"userid\":\"alice\",\"status\":\"1\"," + one
        + ",{\"userid\":\"alice\",\"status\":\"2\"," + one + "]"), json(text(r)));
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
  }

  @Test
  @DisplayName("a routed message is a form of the vendor's fields, its content a JSON string")
  void routingForm() {
    CallbackRequest r = request(RongcloudCallbacks.MESSAGE_ROUTING, List.of(message(TEXT)));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("fromUserId", "alice");
    expected.put("toUserId", "bob");
    expected.put("objectName", "RC:TxtMsg");
    expected.put("content", "{\"content\":\"hello\",\"extra\":\"\"}");
    expected.put("channelType", "PERSON");
    expected.put("msgTimestamp", Long.toString(TIME.toEpochMilli()));
    expected.put("msgUID", "48374_2837546_" + TIME.getEpochSecond());
    expected.put("sensitiveType", "0");
    expected.put("source", "Android");
    expected.put("clientIp", "10.0.0.7:50123");
    assertEquals(expected, CallbackReceiver.Received.decodeForm(text(r)));
    assertEquals("application/x-www-form-urlencoded; charset=utf-8", r.header("Content-Type"));
  }

  @Test
  @DisplayName("content given as the Server API's JSON string travels as it is")
  void contentString() {
    CallbackRequest r = request(RongcloudCallbacks.MESSAGE_ROUTING,
        List.of(message("{\"objectName\":\"App:Custom\",\"content\":\"{\\\"k\\\":1}\"}")));

    assertEquals("{\"k\":1}", CallbackReceiver.Received.decodeForm(text(r)).get("content"));
  }

  @Test
  @DisplayName("a message body without objectName and content is refused")
  void badBody() {
    assertThrows(IllegalArgumentException.class,
        () -> request(RongcloudCallbacks.MESSAGE_ROUTING, List.of(message("{\"content\":\"x\"}"))));
  }

  @Test
  @DisplayName("Rongcloud has no Before callback here: a Before call allows at once")
  void noBefore() throws Exception {
    assertEquals(Optional.empty(), format.command(message(TEXT), Phase.BEFORE));
    try (Callbacks callbacks = new Callbacks(Map.of(VendorKind.RONGCLOUD, format), CallbackOptions.DEFAULTS)) {
      assertEquals(BeforeVerdict.ALLOW, callbacks.before(rongcloud(settings(URL), "s"), message(TEXT)).getNow(null));
    }
  }

  @Test
  @DisplayName("status changes that pile up while a POST is out travel together in the next one, signed")
  void batchedOverTheWire() throws Exception {
    CountDownLatch piledUp = new CountDownLatch(1);
    try (CallbackReceiver receiver = CallbackReceiver.start((r, n) -> {
          if (n == 1) {
            piledUp.await(30, TimeUnit.SECONDS);
          }
          return new Reply(200, "");
        });
        Callbacks callbacks = new Callbacks(Map.of(VendorKind.RONGCLOUD, format),
            CallbackOptions.DEFAULTS.withWorkers(1).withMaxInFlight(1))) {
      App live = rongcloud(settings(receiver.url()), "rong-secret");

      callbacks.after(live, login("a"));
      receiver.next(); // the first POST is out, and held
      for (String user : List.of("b", "c", "d")) {
        callbacks.after(live, login(user));
      }
      piledUp.countDown();

      CallbackReceiver.Received second = receiver.next();
      assertEquals(List.of("b", "c", "d"), users(second.json()));
      Map<String, String> q = second.query();
      assertTrue(RongcloudApiSignature.matches("rong-secret", q.get("nonce"), q.get("signTimestamp"), q.get("signature")));
      await().until(() -> callbacks.stats().sent() == 4);
      assertEquals(2, receiver.count());
    }
  }

  private static List<String> users(JsonNode changes) {
    return StreamSupport.stream(changes.spliterator(), false).map(c -> c.get("userid").asText()).toList();
  }

  private static String text(CallbackRequest r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }
}
