package io.parley.server.vendor.rongcloud;

import static io.parley.server.support.CallbackFixtures.ANDROID;
import static io.parley.server.support.CallbackFixtures.TIME;
import static io.parley.server.support.CallbackFixtures.json;
import static io.parley.server.support.CallbackFixtures.rongcloud;
import static io.parley.server.support.CallbackFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.protocol.credential.rongcloud.RongcloudApiSignature;
import io.parley.server.app.App;
import io.parley.server.callback.CallbackRequest;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Phase;
import io.parley.server.support.CallbackReceiver;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Rongcloud callbacks for groups")
class RongcloudGroupCallbacksTest {
  static final URI URL = URI.create("https://app.example.com/rong/callback");
  static final String TEXT = "{\"objectName\":\"RC:TxtMsg\",\"content\":{\"content\":\"hi group\"}}";

  final RongcloudCallbacks format = new RongcloudCallbacks();
  final App app = rongcloud(settings(URL), "rong-secret");

  static GroupMessage groupMessage(Origin origin) {
    return new GroupMessage("team-1", "group", "alice", "", 0, 7, TIME, "c-1", json(TEXT), Optional.empty(), false,
        origin).stored("CLU2-NFGR-CQ82-O4IS", 12, TIME);
  }

  @Test
  @DisplayName("a client's group message, once sent, takes the message-routing callback; before it is sent, none")
  void groupMessageCommand() {
    assertEquals(Optional.of(RongcloudCallbacks.MESSAGE_ROUTING), format.command(groupMessage(ANDROID), Phase.AFTER));
    assertEquals(Optional.empty(), format.command(groupMessage(ANDROID), Phase.BEFORE));
  }

  @Test
  @DisplayName("a group message the app sent through the Server API is not routed")
  void serverApiNotRouted() {
    assertEquals(Optional.empty(), format.command(groupMessage(Origin.serverApi("127.0.0.1")), Phase.AFTER));
  }

  @Test
  @DisplayName("group operations have no Rongcloud callback, Before or After")
  void noGroupActivityCallbacks() {
    for (GroupActivity.Action action : GroupActivity.Action.values()) {
      GroupActivity a = new GroupActivity(action, "team-1", "group", "Team", "", "", List.of("bob"),
          GroupActivity.Way.NONE, Map.of(), ANDROID, TIME);
      for (Phase phase : Phase.values()) {
        assertEquals(Optional.empty(), format.command(a, phase), action + " " + phase);
      }
    }
  }

  @Test
  @DisplayName("a routed group message is the vendor's form: channelType GROUP, toUserId the group, signed in the URL")
  void groupRoutingForm() {
    CallbackRequest r = format.request(app, RongcloudCallbacks.MESSAGE_ROUTING, List.of(groupMessage(ANDROID)), TIME);

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("fromUserId", "alice");
    expected.put("toUserId", "team-1");
    expected.put("objectName", "RC:TxtMsg");
    expected.put("content", "{\"content\":\"hi group\"}");
    expected.put("channelType", "GROUP");
    expected.put("msgTimestamp", Long.toString(TIME.toEpochMilli()));
    expected.put("msgUID", "CLU2-NFGR-CQ82-O4IS");
    expected.put("sensitiveType", "0");
    expected.put("source", "Android");
    expected.put("groupUserIds", "");
    expected.put("clientIp", "10.0.0.7:50123");
    assertEquals(expected, CallbackReceiver.Received.decodeForm(new String(r.body(), StandardCharsets.UTF_8)));
    assertEquals("application/x-www-form-urlencoded; charset=utf-8", r.header("Content-Type"));
    Map<String, String> q = CallbackReceiver.Received.decodeForm(r.uri().getRawQuery());
    assertEquals(RongcloudApiSignature.sign("rong-secret", q.get("nonce"), q.get("signTimestamp")), q.get("signature"));
  }
}
