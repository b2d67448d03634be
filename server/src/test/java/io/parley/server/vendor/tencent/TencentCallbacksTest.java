package io.parley.server.vendor.tencent;

import static io.parley.server.support.CallbackFixtures.ANDROID;
import static io.parley.server.support.CallbackFixtures.TIME;
import static io.parley.server.support.CallbackFixtures.change;
import static io.parley.server.support.CallbackFixtures.json;
import static io.parley.server.support.CallbackFixtures.login;
import static io.parley.server.support.CallbackFixtures.message;
import static io.parley.server.support.CallbackFixtures.settings;
import static io.parley.server.support.CallbackFixtures.tencent;
import static io.parley.server.support.CallbackFixtures.tencentText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.doocs.im.model.callback.AfterSendMsgCallback;
import io.github.doocs.im.model.callback.BeforeSendMsgCallback;
import io.github.doocs.im.model.callback.CallbackResponse;
import io.github.doocs.im.model.callback.StateChangeCallback;
import io.github.doocs.im.model.message.TIMTextMsgElement;
import io.parley.protocol.credential.tencent.TencentCallbackSign;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackOptions;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.Phase;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import io.parley.server.callback.StateChange.Action;
import io.parley.server.callback.StateChange.Reason;
import io.parley.server.support.CallbackReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Tencent callbacks")
class TencentCallbacksTest {
  static final URI URL = URI.create("https://app.example.com/im/callback");
  /** Reads bodies with the vendor SDK's own callback models; a field they do not know fails the test. */
  static final ObjectMapper DOOCS = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  final TencentCallbacks format = new TencentCallbacks();
  final App app = tencent(settings(URL));
  final App signed = tencent(settings(URL, Optional.of("xxxxyyyy"), Optional.empty(), Duration.ofSeconds(2), true));

  CallbackRequest request(App a, String command, CallbackEvent e, Instant now) {
    return format.request(a, command, List.of(e), now);
  }

  static Map<String, String> query(CallbackRequest r) {
    return CallbackReceiver.Received.decodeQuery(r.uri());
  }

  @Test
  @DisplayName("the vendor's Sign example: token xxxxyyyy at RequestTime 1669872112 signs as 17773bc3…4061")
  void vendorSignExample() {
    CallbackRequest r = request(signed, TencentCallbacks.STATE_CHANGE, login("alice"), Instant.ofEpochSecond(1669872112));

    assertEquals("1669872112", query(r).get("RequestTime"));
    String sign = query(r).get("Sign");
    assertTrue(sign.startsWith("17773bc3") && sign.endsWith("4061"), sign);
  }

  @Test
  @DisplayName("the URL carries SdkAppid, CallbackCommand, contenttype, ClientIP and OptPlatform in that order")
  void urlParameters() {
    CallbackRequest r = request(app, TencentCallbacks.STATE_CHANGE, login("alice"), TIME);

    assertEquals("https://app.example.com/im/callback?SdkAppid=1400000000&CallbackCommand=State.StateChange"
        + "&contenttype=json&ClientIP=10.0.0.7&OptPlatform=Android", r.uri().toString());
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
  }

  @Test
  @DisplayName("without a callback token there is no RequestTime and no Sign; with one, both follow OptPlatform")
  void signOnlyWithToken() {
    assertFalse(query(request(app, TencentCallbacks.STATE_CHANGE, login("alice"), TIME)).containsKey("Sign"));
    assertEquals(List.of("SdkAppid", "CallbackCommand", "contenttype", "ClientIP", "OptPlatform", "RequestTime", "Sign"),
        List.copyOf(query(request(signed, TencentCallbacks.STATE_CHANGE, login("alice"), TIME)).keySet()));
  }

  @ParameterizedTest(name = "{0} ({1}) is Action {2}, Reason {3}")
  @CsvSource({"LOGIN, CONNECTED, Login, Register", "LOGOUT, LOGGED_OUT, Logout, Unregister",
      "DISCONNECT, CONNECTION_CLOSED, Disconnect, LinkClose", "DISCONNECT, HEARTBEAT_TIMEOUT, Disconnect, TimeOut"})
  @DisplayName("State.StateChange says Action and Reason in the vendor's words")
  void stateChangeWords(Action action, Reason reason, String tencentAction, String tencentReason) {
    JsonNode body = bodyOf(request(app, TencentCallbacks.STATE_CHANGE, change("alice", action, reason), TIME));

    assertEquals(tencentAction, body.at("/Info/Action").asText());
    assertEquals(tencentReason, body.at("/Info/Reason").asText());
  }

  @Test
  @DisplayName("State.StateChange has the vendor's fields, KickedDevice only when a login pushed devices off")
  void stateChangeBody() throws Exception {
    StateChange kicking = new StateChange("alice", Action.LOGIN, Reason.CONNECTED, ANDROID,
        List.of(Platform.IOS, Platform.LINUX), TIME);

    assertEquals(json("{\"CallbackCommand\":\"State.StateChange\",\"Info\":{\"Action\":\"Login\",\"To_Account\":\"alice\","
        + "\"Reason\":\"Register\"},\"EventTime\":" + TIME.toEpochMilli() + "}"),
        bodyOf(request(app, TencentCallbacks.STATE_CHANGE, login("alice"), TIME)));
    CallbackRequest r = request(app, TencentCallbacks.STATE_CHANGE, kicking, TIME);
    StateChangeCallback parsed = DOOCS.readValue(r.body(), StateChangeCallback.class);
    assertEquals("alice", parsed.getInfo().getToAccount());
    assertEquals(List.of("iOS", "Linux"), parsed.getKickedDevice().stream().map(d -> d.getPlatform()).toList());
    assertEquals(TIME.toEpochMilli(), parsed.getEventTime());
  }

  @Test
  @DisplayName("C2C.CallbackBeforeSendMsg has the vendor's fields, as the vendor SDK reads them")
  void beforeSendBody() throws Exception {
    CallbackRequest r = request(app, TencentCallbacks.BEFORE_SEND_C2C, tencentText(), TIME);

    assertEquals(json("{\"CallbackCommand\":\"C2C.CallbackBeforeSendMsg\",\"From_Account\":\"alice\",\"To_Account\":\"bob\","
        + "\"MsgSeq\":48374,\"MsgRandom\":2837546,\"MsgTime\":" + TIME.getEpochSecond() + ",\"MsgKey\":\"48374_2837546_"
        + TIME.getEpochSecond() + "\",\"OnlineOnlyFlag\":0,\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":"
        + "{\"Text\":\"red packet\"}}],\"CloudCustomData\":\"your cloud custom data\"}"), bodyOf(r));
    BeforeSendMsgCallback parsed = DOOCS.readValue(r.body(), BeforeSendMsgCallback.class);
    assertEquals("red packet", ((TIMTextMsgElement) parsed.getMsgBody().get(0)).getMsgContent().getText());
    assertEquals(48374L, parsed.getMsgSeq());
  }

  @Test
  @DisplayName("C2C.CallbackAfterSendMsg adds SendMsgResult, ErrorInfo and UnreadMsgNum, as the vendor SDK reads them")
  void afterSendBody() throws Exception {
    AfterSendMsgCallback parsed = DOOCS.readValue(request(app, TencentCallbacks.AFTER_SEND_C2C, tencentText(), TIME).body(),
        AfterSendMsgCallback.class);

    assertEquals("C2C.CallbackAfterSendMsg", parsed.getCallbackCommand());
    assertEquals(0, parsed.getSendMsgResult());
    assertEquals("send msg succeed", parsed.getErrorInfo());
    assertEquals(7, parsed.getUnreadMsgNum());
    assertEquals("your cloud custom data", parsed.getCloudCustomData());
  }

  @Test
  @DisplayName("a message body that is not a MsgBody array is refused")
  void bodyMustBeArray() {
    assertThrows(IllegalArgumentException.class, () -> request(app, TencentCallbacks.BEFORE_SEND_C2C,
        message("{\"Text\":\"hi\"}"), TIME));
  }

  @ParameterizedTest(name = "{0} → OptPlatform {1}")
  @CsvSource({"SERVER_API, RESTAPI", "WEB, Web", "ANDROID, Android", "IOS, iOS", "WINDOWS, Windows", "MAC, Mac",
      "IPAD, iPad", "LINUX, Unknown", "UNKNOWN, Unknown"})
  @DisplayName("OptPlatform is one of the vendor's platform names")
  void optPlatform(Platform platform, String name) {
    assertEquals(name, TencentCallbacks.optPlatform(platform));
  }

  @Test
  @DisplayName("the commands are the vendor's: State.StateChange after, C2C before and after sending")
  void commands() {
    assertEquals(Optional.of("State.StateChange"), format.command(login("a"), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(login("a"), Phase.BEFORE));
    assertEquals(Optional.of("C2C.CallbackBeforeSendMsg"), format.command(tencentText(), Phase.BEFORE));
    assertEquals(Optional.of("C2C.CallbackAfterSendMsg"), format.command(tencentText(), Phase.AFTER));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\"}|allow",
      "{\"ActionStatus\":\"OK\",\"ErrorCode\":1,\"ErrorInfo\":\"blocked\"}|refuse 1 blocked",
      "{\"ActionStatus\":\"OK\",\"ErrorCode\":120001,\"ErrorInfo\":\"to client\"}|refuse 120001 to client",
      "{\"ActionStatus\":\"FAIL\",\"ErrorCode\":1}|refuse 1 ",
      "{\"ActionStatus\":\"OK\",\"ErrorCode\":2,\"ErrorInfo\":\"\"}|discard",
      "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"CloudCustomData\":\"new\"}|modify custom new",
      "{\"ActionStatus\":\"OK\"}|none",
      "[]|none",
      "not json|none"})
  @DisplayName("a Before answer reads as the vendor means it")
  void verdicts(String answer, String expected) {
    Optional<BeforeVerdict> v = format.verdict(answer.getBytes(StandardCharsets.UTF_8));
    String[] e = expected.split(" ", 3);
    switch (e[0]) {
      case "allow" -> assertEquals(Optional.of(BeforeVerdict.ALLOW), v);
      case "refuse" -> assertEquals(Optional.of(new BeforeVerdict.Refuse(Integer.parseInt(e[1]), e.length > 2 ? e[2] : "")), v);
      case "discard" -> assertEquals(Optional.of(new BeforeVerdict.Discard()), v);
      case "modify" -> assertEquals(Optional.of(new BeforeVerdict.Modify(Optional.empty(), Optional.of(e[2]))), v);
      default -> assertEquals(Optional.empty(), v);
    }
  }

  @Test
  @DisplayName("the vendor SDK's own OK answer reads as allow")
  void sdkAnswer() throws Exception {
    byte[] ok = DOOCS.writeValueAsBytes(new CallbackResponse("OK", 0, ""));

    assertEquals(Optional.of(BeforeVerdict.ALLOW), format.verdict(ok));
  }

  @Test
  @DisplayName("over the wire, the app server can check the Sign and that the RequestTime is under a minute old")
  void signedOverTheWire() throws Exception {
    try (CallbackReceiver receiver = CallbackReceiver.start();
        Callbacks callbacks = new Callbacks(Map.of(VendorKind.TENCENT, format), CallbackOptions.DEFAULTS)) {
      App live = tencent(settings(receiver.url(), Optional.of("cb-token"), Optional.empty(), Duration.ofSeconds(2), true));

      callbacks.after(live, login("alice"));

      CallbackReceiver.Received r = receiver.next();
      Map<String, String> q = r.query();
      assertEquals("1400000000", q.get("SdkAppid"));
      assertTrue(TencentCallbackSign.matches("cb-token", q.get("RequestTime"), q.get("Sign")));
      assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(q.get("RequestTime"))) < 60);
      assertEquals("State.StateChange", r.json().get("CallbackCommand").asText());
    }
  }

  private static JsonNode bodyOf(CallbackRequest r) {
    return json(new String(r.body(), StandardCharsets.UTF_8));
  }
}
