package io.parley.server.vendor.yuntongxun;

import static io.parley.server.support.CallbackFixtures.ANDROID;
import static io.parley.server.support.CallbackFixtures.TIME;
import static io.parley.server.support.CallbackFixtures.json;
import static io.parley.server.support.CallbackFixtures.login;
import static io.parley.server.support.CallbackFixtures.message;
import static io.parley.server.support.CallbackFixtures.settings;
import static io.parley.server.support.CallbackFixtures.yuntongxun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.credential.HexDigests;
import io.parley.protocol.credential.yuntongxun.YuntongxunAuth;
import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.callback.CallbackOptions;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Phase;
import io.parley.server.config.Sandbox;
import io.parley.server.support.CallbackReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Yuntongxun message copy")
class YuntongxunCallbacksTest {
  static final URI URL = URI.create("https://app.example.com/ytx/copy");
  static final String TEXT = "{\"msgType\":\"1\",\"msgContent\":\"hello\"}";

  final YuntongxunCallbacks format = new YuntongxunCallbacks();
  final App app = yuntongxun(settings(URL));

  CallbackRequest request(String body) {
    return format.request(app, YuntongxunCallbacks.MESSAGE_COPY, List.of(message(body)), TIME);
  }

  @Test
  @DisplayName("the headers equal values computed once with md5sum: MD5 of the body, CheckSum = MD5(AppId + AppToken + MD5 + CurTime)")
  void pinnedHeaders() {
    CallbackRequest r = request(TEXT);

    assertEquals("{\"appId\":\"parleydevappid\",\"pushType\":\"1\",\"msgId\":\"48374_2837546_1796198400\",\"msgSender\":\"alice\","
        + "\"msgReceiver\":\"bob\",\"msgDateCreated\":\"1796198400123\",\"msgType\":\"1\",\"msgContent\":\"hello\"}",
        new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("9a477561375ffe4538479523659cc2be", r.header("MD5"));
    assertEquals("1796198400123", r.header("CurTime"));
    assertEquals("7c6faa8c8580b5be1b6b51b33f262bfe", r.header("CheckSum"));
    assertEquals(URL, r.uri());
  }

  @Test
  @DisplayName("over the wire, the app server can check MD5 against the body and CheckSum against its APP TOKEN")
  void verifiableOverTheWire() throws Exception {
    try (CallbackReceiver receiver = CallbackReceiver.start();
        Callbacks callbacks = new Callbacks(Map.of(VendorKind.YUNTONGXUN, format), CallbackOptions.DEFAULTS)) {
      callbacks.after(yuntongxun(settings(receiver.url())), message(TEXT));

      CallbackReceiver.Received r = receiver.next();
      assertTrue(HexDigests.hexEqualsIgnoreCase(HexDigests.md5Hex(r.body()), r.header("MD5")));
      assertTrue(HexDigests.hexEqualsIgnoreCase(YuntongxunAuth.callbackCheckSum("parleydevappid",
          Sandbox.YUNTONGXUN_APP_TOKEN, r.header("MD5"), r.header("CurTime")), r.header("CheckSum")));
      assertEquals("hello", r.json().get("msgContent").asText());
    }
  }

  @Test
  @DisplayName("the message's own fields follow the envelope as strings, and cannot overwrite it")
  void messageFields() {
    JsonNode copy = json(new String(request("{\"msgType\":4,\"msgFileUrl\":\"https://x/a.jpg\",\"msgSender\":\"mallory\","
        + "\"msgDomain\":{\"k\":1}}").body(), StandardCharsets.UTF_8));

    assertEquals("alice", copy.get("msgSender").asText());
    assertEquals("4", copy.get("msgType").asText());
    assertEquals("https://x/a.jpg", copy.get("msgFileUrl").asText());
    assertEquals("{\"k\":1}", copy.get("msgDomain").asText());
  }

  @Test
  @DisplayName("only messages are copied, after they are sent; a body that is not an object is refused")
  void onlyMessages() {
    assertEquals(Optional.of(YuntongxunCallbacks.MESSAGE_COPY), format.command(message(TEXT), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(message(TEXT), Phase.BEFORE));
    assertEquals(Optional.empty(), format.command(login("alice"), Phase.AFTER));
    assertThrows(IllegalArgumentException.class, () -> request("[\"hello\"]"));
  }

  static GroupMessage groupMessage(String body) {
    return new GroupMessage("g0000000001", "public", "alice", "1796198400123|7", 7, 0, TIME, "c-1", json(body),
        Optional.empty(), false, ANDROID);
  }

  @Test
  @DisplayName("a group message is copied after it is sent, with pushType 2 and the group as msgReceiver; group "
      + "activity is not copied")
  void groupMessages() {
    assertEquals(Optional.of(YuntongxunCallbacks.MESSAGE_COPY), format.command(groupMessage(TEXT), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(groupMessage(TEXT), Phase.BEFORE));
    GroupActivity joined = new GroupActivity(GroupActivity.Action.JOINED, "g0000000001", "public", "team", "bob",
        "alice", List.of("bob"), GroupActivity.Way.APPLIED, Map.of(), ANDROID, TIME);
    assertEquals(Optional.empty(), format.command(joined, Phase.AFTER));
    assertEquals(Optional.empty(), format.command(joined, Phase.BEFORE));

    CallbackRequest r = format.request(app, YuntongxunCallbacks.MESSAGE_COPY, List.of(groupMessage(TEXT)), TIME);
    assertEquals("{\"appId\":\"parleydevappid\",\"pushType\":\"2\",\"msgId\":\"1796198400123|7\",\"msgSender\":\"alice\","
        + "\"msgReceiver\":\"g0000000001\",\"msgDateCreated\":\"" + TIME.toEpochMilli()
        + "\",\"msgType\":\"1\",\"msgContent\":\"hello\"}", new String(r.body(), StandardCharsets.UTF_8));
    assertEquals(HexDigests.md5Hex(r.body()), r.header("MD5"));
    assertEquals(YuntongxunAuth.callbackCheckSum("parleydevappid", Sandbox.YUNTONGXUN_APP_TOKEN, r.header("MD5"),
        r.header("CurTime")), r.header("CheckSum"));
  }
}
