package io.parley.server.vendor.netease;

import static io.parley.server.support.CallbackFixtures.TIME;
import static io.parley.server.support.CallbackFixtures.change;
import static io.parley.server.support.CallbackFixtures.json;
import static io.parley.server.support.CallbackFixtures.login;
import static io.parley.server.support.CallbackFixtures.message;
import static io.parley.server.support.CallbackFixtures.netease;
import static io.parley.server.support.CallbackFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.credential.netease.NeteaseCheckSum;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.CallbackEvent;
import io.parley.server.callback.CallbackOptions;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Phase;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import io.parley.server.callback.StateChange.Action;
import io.parley.server.callback.StateChange.Reason;
import io.parley.server.config.Sandbox;
import io.parley.server.support.CallbackFixtures;
import io.parley.server.support.CallbackReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("NetEase Yunxin message copy")
class NeteaseCallbacksTest {
  static final URI URL = URI.create("https://app.example.com/nim/copy");
  static final String LOGIN_COPY = "{\"eventType\":\"2\",\"accid\":\"alice\",\"clientIp\":\"10.0.0.7\",\"clientType\":\"AOS\","
      + "\"code\":\"200\",\"timestamp\":\"1796198400123\",\"deviceId\":\"alice-phone\"}";

  final NeteaseCallbacks format = new NeteaseCallbacks();
  final App app = netease(settings(URL));

  CallbackRequest request(String command, CallbackEvent e) {
    return format.request(app, command, List.of(e), TIME);
  }

  static JsonNode body(CallbackRequest r) {
    return json(new String(r.body(), StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("the headers equal values computed once with md5sum and sha1sum: MD5 of the body, CheckSum over it")
  void pinnedHeaders() {
    CallbackRequest r = request(NeteaseCallbacks.LOGIN, login("alice"));

    assertEquals(LOGIN_COPY, new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("1796198400123", r.header("CurTime"), "milliseconds, as the vendor's copies send");
    assertEquals("d871bc0582e7ae12c199c7221da5961f", r.header("MD5"));
    assertEquals("81c837acb95a6a95e793049719f7684f83818fa6", r.header("CheckSum"));
    assertEquals("parley-dev-nim", r.header("AppKey"));
    assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
    assertEquals(URL, r.uri());
  }

  @Test
  @DisplayName("over the wire, the app server can check MD5 against the body and CheckSum against its AppSecret")
  void verifiableOverTheWire() throws Exception {
    try (CallbackReceiver receiver = CallbackReceiver.start();
        Callbacks callbacks = new Callbacks(Map.of(VendorKind.NETEASE, format), CallbackOptions.DEFAULTS)) {
      callbacks.after(netease(settings(receiver.url())), message("{\"type\":0,\"body\":{\"msg\":\"你好\"}}"));

      CallbackReceiver.Received r = receiver.next();
      assertTrue(NeteaseCheckSum.matches(NeteaseCheckSum.md5Hex(r.body()), r.header("MD5")));
      assertTrue(NeteaseCheckSum.matches(
          NeteaseCheckSum.callbackCheckSum(Sandbox.NETEASE_APP_SECRET, r.header("MD5"), r.header("CurTime")),
          r.header("CheckSum")));
      assertEquals("你好", r.json().get("body").asText());
    }
  }

  @Test
  @DisplayName("a p2p text message is eventType 1 with the vendor's fields, every value a string")
  void textMessage() {
    JsonNode copy = body(request(NeteaseCallbacks.MESSAGE, message("{\"type\":0,\"body\":{\"msg\":\"hello\"}}")));

    assertEquals(json("{\"eventType\":\"1\",\"convType\":\"PERSON\",\"to\":\"bob\",\"fromAccount\":\"alice\","
        + "\"fromClientType\":\"AOS\",\"fromDeviceId\":\"alice-phone\",\"msgTimestamp\":\"" + TIME.toEpochMilli() + "\","
        + "\"msgType\":\"TEXT\",\"body\":\"hello\",\"msgidClient\":\"client-msg-1\",\"msgidServer\":\"48374_2837546_"
        + TIME.getEpochSecond() + "\",\"resendFlag\":\"0\",\"ext\":\"your cloud custom data\"}"), copy);
    copy.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), f.getKey() + " is a string"));
  }

  @Test
  @DisplayName("other message types carry their content as the JSON string attach, and no body")
  void attachments() {
    JsonNode copy = body(request(NeteaseCallbacks.MESSAGE,
        message("{\"type\":1,\"body\":{\"name\":\"a.jpg\",\"url\":\"https://x/a.jpg\",\"w\":6,\"h\":4}}")));

    assertEquals("PICTURE", copy.get("msgType").asText());
    assertEquals(json("{\"name\":\"a.jpg\",\"url\":\"https://x/a.jpg\",\"w\":6,\"h\":4}"), json(copy.get("attach").asText()));
    assertFalse(copy.has("body"));
    assertEquals("CUSTOM", body(request(NeteaseCallbacks.MESSAGE,
        message("{\"type\":\"100\",\"body\":\"{\\\"k\\\":1}\"}"))).get("msgType").asText());
  }

  @Test
  @DisplayName("a message body without a numeric type and a body is refused")
  void badBody() {
    assertThrows(IllegalArgumentException.class, () -> request(NeteaseCallbacks.MESSAGE, message("{\"msg\":\"hi\"}")));
  }

  @ParameterizedTest(name = "{0} ({1}) is logOutReason {2}")
  @CsvSource({"LOGOUT, LOGGED_OUT, 1", "DISCONNECT, CONNECTION_CLOSED, 2", "DISCONNECT, HEARTBEAT_TIMEOUT, 2",
      "LOGOUT, KICKED_BY_OTHER_DEVICE, 3", "LOGOUT, KICKED_BY_SERVER, 4"})
  @DisplayName("a logout is eventType 3 with the vendor's logOutReason")
  void logout(Action action, Reason reason, String logOutReason) {
    StateChange s = change("alice", action, reason);
    assertEquals(Optional.of(NeteaseCallbacks.LOGOUT), format.command(s, Phase.AFTER));

    JsonNode copy = body(request(NeteaseCallbacks.LOGOUT, s));

    assertEquals("3", copy.get("eventType").asText());
    assertEquals(logOutReason, copy.get("logOutReason").asText());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({"ANDROID, AOS", "IOS, IOS", "IPAD, IOS", "WEB, WEB", "WINDOWS, PC", "MAC, PC", "LINUX, PC",
      "SERVER_API, REST"})
  @DisplayName("client types are the vendor's")
  void clientTypes(Platform platform, String clientType) {
    StateChange s = new StateChange("alice", Action.LOGIN, Reason.CONNECTED, new Origin(platform, "1.2.3.4", 0, "d"),
        List.of(), TIME);

    assertEquals(clientType, body(request(NeteaseCallbacks.LOGIN, s)).get("clientType").asText());
  }

  @Test
  @DisplayName("NetEase has no Before callback here")
  void noBefore() {
    assertEquals(Optional.empty(), format.command(message("{\"type\":0,\"body\":{\"msg\":\"x\"}}"), Phase.BEFORE));
    assertEquals(Optional.empty(), format.command(login("alice"), Phase.BEFORE));
  }
  static GroupActivity activity(GroupActivity.Action action, GroupActivity.Way way, List<String> members) {
    return new GroupActivity(action, "1000000001", "advanced", "team", "alice", "alice", members, way,
        Map.of(), CallbackFixtures.ANDROID, TIME);
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource({"JOINED, INVITED, 0", "EXITED, KICKED, 1", "EXITED, QUIT, 2", "INFO_CHANGED, NONE, 3",
      "DISMISSED, NONE, 4", "JOINED, APPLIED, 5", "CREATE, NONE, 0", "OWNER_CHANGED, NONE, 6", "ADMINS_SET, NONE, 7",
      "ADMINS_UNSET, NONE, 8", "MUTED, NONE, 10", "UNMUTED, NONE, 10"})
  @DisplayName("team operations are copied as team notifications with the vendor's notification id")
  void teamNotificationIds(GroupActivity.Action action, GroupActivity.Way way, int id) {
    GroupActivity a = activity(action, way, List.of("alice", "bob"));
    assertEquals(Optional.of(NeteaseCallbacks.TEAM_OPERATION), format.command(a, Phase.AFTER));

    JsonNode copy = body(request(NeteaseCallbacks.TEAM_OPERATION, a));

    assertEquals("1", copy.get("eventType").asText());
    assertEquals("TEAM", copy.get("convType").asText());
    assertEquals("NOTIFICATION", copy.get("msgType").asText());
    assertEquals("1000000001", copy.get("to").asText());
    assertEquals("AOS", copy.get("fromClientType").asText());
    JsonNode attach = json(copy.get("attach").asText());
    assertEquals(id, attach.get("id").asInt());
    assertEquals(action == GroupActivity.Action.CREATE ? "[\"bob\"]" : "[\"alice\",\"bob\"]",
        attach.path("data").path("ids").toString(), "a create lists its members but the owner");
  }

  @ParameterizedTest(name = "{0} → mute {1}")
  @CsvSource({"MUTED, 1", "UNMUTED, 0"})
  @DisplayName("a member mute is copied as MuteMember (10) with the muted accids and a mute flag, 1 muted or 0 lifted")
  void muteMemberFlag(GroupActivity.Action action, int mute) {
    JsonNode copy = body(request(NeteaseCallbacks.TEAM_OPERATION, activity(action, GroupActivity.Way.NONE,
        List.of("bob", "carol"))));

    JsonNode data = json(copy.get("attach").asText()).path("data");
    assertEquals(mute, data.path("mute").asInt(-1));
    assertEquals("[\"bob\",\"carol\"]", data.path("ids").toString());
    assertEquals("alice", copy.get("fromAccount").asText());
  }

  @Test
  @DisplayName("only a mute carries a mute flag; an owner transfer names the new owner in ids and as tinfo's owner")
  void ownerTransferData() {
    GroupActivity a = new GroupActivity(GroupActivity.Action.OWNER_CHANGED, "1000000001", "advanced", "team", "alice",
        "bob", List.of("bob"), GroupActivity.Way.NONE, Map.of(), CallbackFixtures.ANDROID, TIME);

    JsonNode copy = body(request(NeteaseCallbacks.TEAM_OPERATION, a));

    JsonNode data = json(copy.get("attach").asText()).path("data");
    assertEquals(6, json(copy.get("attach").asText()).path("id").asInt());
    assertEquals("[\"bob\"]", data.path("ids").toString());
    assertEquals("bob", data.path("tinfo").path("owner").asText());
    assertEquals("alice", copy.get("fromAccount").asText());
    assertTrue(data.path("mute").isMissingNode());
  }

  @Test
  @DisplayName("owner, manager and mute changes are After copies only, never asked before")
  void moderationNotAskedBefore() {
    for (GroupActivity.Action action : List.of(GroupActivity.Action.OWNER_CHANGED, GroupActivity.Action.ADMINS_SET,
        GroupActivity.Action.ADMINS_UNSET, GroupActivity.Action.MUTED, GroupActivity.Action.UNMUTED)) {
      assertEquals(Optional.empty(), format.command(activity(action, GroupActivity.Way.NONE, List.of("bob")),
          Phase.BEFORE), action.name());
    }
  }

  @Test
  @DisplayName("asked-before team operations, and a create without members, are not copied")
  void teamOperationsNotCopied() {
    assertEquals(Optional.empty(), format.command(activity(GroupActivity.Action.APPLY, GroupActivity.Way.NONE,
        List.of("bob")), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(activity(GroupActivity.Action.INVITE, GroupActivity.Way.NONE,
        List.of("bob")), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(activity(GroupActivity.Action.CREATE, GroupActivity.Way.NONE,
        List.of("alice")), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(activity(GroupActivity.Action.JOINED, GroupActivity.Way.INVITED,
        List.of("bob")), Phase.BEFORE));
  }

  @Test
  @DisplayName("a team message is copied as convType TEAM to the tid, with the p2p copy's fields")
  void teamMessage() {
    GroupMessage m = new GroupMessage("1000000001", "advanced", "alice", "42", 7, 9, TIME, "c-1",
        json("{\"type\":0,\"body\":{\"msg\":\"hi team\"}}"), Optional.of("ext"), false, CallbackFixtures.ANDROID);
    assertEquals(Optional.of(NeteaseCallbacks.MESSAGE), format.command(m, Phase.AFTER));

    JsonNode copy = body(request(NeteaseCallbacks.MESSAGE, m));

    assertEquals("TEAM", copy.get("convType").asText());
    assertEquals("1000000001", copy.get("to").asText());
    assertEquals("alice", copy.get("fromAccount").asText());
    assertEquals("TEXT", copy.get("msgType").asText());
    assertEquals("hi team", copy.get("body").asText());
    assertEquals("42", copy.get("msgidServer").asText());
    assertEquals("c-1", copy.get("msgidClient").asText());
    assertEquals("ext", copy.get("ext").asText());
    assertEquals(Long.toString(TIME.toEpochMilli()), copy.get("msgTimestamp").asText());
  }
}
