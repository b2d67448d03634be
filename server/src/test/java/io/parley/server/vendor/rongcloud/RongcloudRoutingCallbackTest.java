package io.parley.server.vendor.rongcloud;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.SendReceipt;
import io.parley.protocol.credential.rongcloud.RongcloudApiSignature;
import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.config.Sandbox;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A Rongcloud app's message-routing callback gets its users' messages, signed in the URL")
class RongcloudRoutingCallbackTest {
  static final CallbackReceiver app = receiver();

  @RegisterExtension
  static final ServerExtension running = new ServerExtension(c -> c.withApps(List.of(Sandbox.tencentApp(),
      withCallback(Sandbox.rongcloudApp()), Sandbox.neteaseApp(), Sandbox.yuntongxunApp())));

  private static CallbackReceiver receiver() {
    try {
      return CallbackReceiver.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static App withCallback(App a) {
    return new App(a.id(), a.vendor(), a.secrets(), a.limits(), new CallbackSettings(Optional.of(app.url()), Optional.empty()));
  }

  @AfterAll
  static void stopReceiver() {
    app.close();
  }

  static ParleyClient client(String user, Recorder inbox) throws Exception {
    String token = running.server().services().issuer()
        .issue(running.server().services().app(Sandbox.RONGCLOUD_APP_KEY), user, Duration.ZERO, false).credential();
    ParleyClient c = Clients.tcp(running.server(), user, inbox).appId(Sandbox.RONGCLOUD_APP_KEY)
        .credential(CredentialKind.RONGCLOUD_TOKEN, () -> token).build();
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  /** The message-routing callbacks so far (form-encoded; online-status ones are JSON) whose content has this text. */
  static List<CallbackReceiver.Received> routed(String text) {
    return app.all().stream()
        .filter(r -> String.valueOf(r.header("Content-Type")).startsWith("application/x-www-form-urlencoded"))
        .filter(r -> r.form().getOrDefault("content", "").contains(text)).toList();
  }

  @Test
  @DisplayName("a client's text to another client arrives as the vendor's form, with a valid signature and its msgUID")
  void routedText() throws Exception {
    Recorder bob = new Recorder();
    try (ParleyClient b = client("route-bob", bob); ParleyClient a = client("route-alice", new Recorder())) {
      SendReceipt sent = a.send("route-bob", Elements.text("routed 你好 👋")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 1 && routed("routed 你好").size() == 1);
      CallbackReceiver.Received r = routed("routed 你好").get(0);
      assertEquals("POST", r.method());
      Map<String, String> q = r.query();
      assertEquals(RongcloudApiSignature.sign(Sandbox.RONGCLOUD_APP_SECRET, q.get("nonce"), q.get("signTimestamp")),
          q.get("signature"), "signature = sha1hex(AppSecret + nonce + signTimestamp): " + q);
      Map<String, String> f = r.form();
      assertEquals("route-alice", f.get("fromUserId"));
      assertEquals("route-bob", f.get("toUserId"));
      assertEquals("RC:TxtMsg", f.get("objectName"));
      assertEquals(RongcloudJson.read("{\"content\":\"routed 你好 👋\"}").get(), RongcloudJson.read(f.get("content")).get());
      assertEquals("PERSON", f.get("channelType"));
      assertEquals(Long.toString(sent.serverTimeMs()), f.get("msgTimestamp"));
      assertTrue(f.get("msgUID").matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), f.get("msgUID"));
      assertEquals(RongcloudMessageUid.of(sent.serverMsgId()), f.get("msgUID"));
      assertEquals(sent.serverMsgId(), RongcloudMessageUid.parse(f.get("msgUID")).getAsLong());
    }
  }

  @Test
  @DisplayName("a client's picture is routed as RC:ImgMsg with its imageUri")
  void routedImage() throws Exception {
    try (ParleyClient b = client("route-bob2", new Recorder()); ParleyClient a = client("route-alice2", new Recorder())) {
      a.send("route-bob2", Elements.image("https://cdn.example.com/routed.png", 10, 10, 100)).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> routed("routed.png").size() == 1);
      Map<String, String> f = routed("routed.png").get(0).form();
      assertEquals("RC:ImgMsg", f.get("objectName"));
      assertEquals("https://cdn.example.com/routed.png",
          RongcloudJson.read(f.get("content")).get().path("imageUri").asText());
    }
  }

  @Test
  @DisplayName("a message the app publishes through the Server API is not routed back to it (the vendor's default)")
  void serverMessagesNotRouted() throws Exception {
    try (ParleyClient b = client("route-bob3", new Recorder()); ParleyClient a = client("route-alice3", new Recorder())) {
      RongcloudRestCall.Answer published = RongcloudRestCall.to(running.server().httpPort(), "/message/private/publish.json")
          .form("fromUserId", "route-alice3").form("toUserId", "route-bob3").form("objectName", "RC:TxtMsg")
          .form("content", "{\"content\":\"from the app server\"}").send();
      assertEquals(200, published.code(), published.body().toString());
      a.send("route-bob3", Elements.text("from the client after")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> routed("from the client after").size() == 1);
      assertEquals(List.of(), routed("from the app server"));
    }
  }

  static void createGroup(String groupId, String... members) throws Exception {
    RongcloudRestCall call = RongcloudRestCall.to(running.server().httpPort(), "/group/create.json")
        .form("groupId", groupId).form("groupName", "Routed group");
    for (String m : members) {
      call.form("userId", m);
    }
    RongcloudRestCall.Answer a = call.send();
    assertEquals(200, a.code(), a.body().toString());
  }

  @Test
  @DisplayName("a client's group message is routed with channelType GROUP, the group id as toUserId and its msgUID")
  void routedGroupMessage() throws Exception {
    createGroup("route-group", "route-gm-a", "route-gm-b");
    Recorder bob = new Recorder();
    try (ParleyClient b = client("route-gm-b", bob); ParleyClient a = client("route-gm-a", new Recorder())) {
      SendReceipt sent = a.sendToGroup("route-group", Elements.text("to the group 群")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10))
          .until(() -> bob.inGroup("route-group").size() == 1 && routed("to the group 群").size() == 1);
      CallbackReceiver.Received r = routed("to the group 群").get(0);
      Map<String, String> q = r.query();
      assertEquals(RongcloudApiSignature.sign(Sandbox.RONGCLOUD_APP_SECRET, q.get("nonce"), q.get("signTimestamp")),
          q.get("signature"));
      Map<String, String> f = r.form();
      assertEquals("route-gm-a", f.get("fromUserId"));
      assertEquals("route-group", f.get("toUserId"));
      assertEquals("GROUP", f.get("channelType"));
      assertEquals("RC:TxtMsg", f.get("objectName"));
      assertEquals(RongcloudJson.read("{\"content\":\"to the group 群\"}").get(), RongcloudJson.read(f.get("content")).get());
      assertEquals(Long.toString(sent.serverTimeMs()), f.get("msgTimestamp"));
      assertEquals(RongcloudMessageUid.of(sent.serverMsgId()), f.get("msgUID"));
      assertEquals("", f.get("groupUserIds"), "not a directed message: no recipient list");
      assertEquals("0", f.get("sensitiveType"));
      assertTrue(f.containsKey("source") && f.containsKey("clientIp"), f.toString());
    }
  }

  @Test
  @DisplayName("a group message the app publishes through the Server API is not routed back to it")
  void serverGroupMessagesNotRouted() throws Exception {
    createGroup("route-group2", "route-gm-c", "route-gm-d");
    Recorder d = new Recorder();
    try (ParleyClient cd = client("route-gm-d", d); ParleyClient c = client("route-gm-c", new Recorder())) {
      RongcloudRestCall.Answer published = RongcloudRestCall.to(running.server().httpPort(), "/message/group/publish.json")
          .form("fromUserId", "route-gm-c").form("toGroupId", "route-group2").form("objectName", "RC:TxtMsg")
          .form("content", "{\"content\":\"group message published by the app\"}").send();
      assertEquals(200, published.code(), published.body().toString());
      c.sendToGroup("route-group2", Elements.text("group message a client sent later")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> d.inGroup("route-group2").size() == 2
          && routed("group message a client sent later").size() == 1);
      assertEquals(List.of(), routed("group message published by the app"));
    }
  }
}
