package io.parley.server.vendor.rongcloud;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.Element;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import io.rong.RongCloud;
import io.rong.messages.BaseMessage;
import io.rong.messages.FileMessage;
import io.rong.messages.HQVoiceMessage;
import io.rong.messages.ImgMessage;
import io.rong.messages.ImgTextMessage;
import io.rong.messages.LBSMessage;
import io.rong.messages.SightMessage;
import io.rong.messages.TxtMessage;
import io.rong.messages.UserInfo;
import io.rong.messages.VoiceMessage;
import io.rong.models.BlockUsers;
import io.rong.models.message.PrivateMessage;
import io.rong.models.message.SystemMessage;
import io.rong.models.response.BlockUserResult;
import io.rong.models.response.CheckOnlineResult;
import io.rong.models.response.ResponseResult;
import io.rong.models.response.TokenResult;
import io.rong.models.response.UserResult;
import io.rong.models.user.ExpireModel;
import io.rong.models.user.UserModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rongcloud's own Server SDK (cn.rongcloud.im:server-sdk-java 3.3.1), unchanged, against a running server over HTTP, as
 * an app server would use it: only the API domain points at Parley. Its clients are real Parley client SDK logins with
 * the tokens it got.
 */
@DisplayName("The Rongcloud Server SDK against Parley")
class RongcloudRestSdkTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static RongCloud sdk;

  @BeforeAll
  static void pointTheSdkAtParley() {
    String api = "http://127.0.0.1:" + running.server().httpPort();
    sdk = RongCloud.getInstance(Sandbox.RONGCLOUD_APP_KEY, Sandbox.RONGCLOUD_APP_SECRET, api);
    sdk.getConfig().apiDomains = new String[] {api}; // the SDK keeps one instance per key: another class's may linger
  }

  static String token(String user) throws Exception {
    TokenResult r = sdk.user.register(new UserModel(user, "Name of " + user, "https://cdn.example.com/" + user + ".png"));
    assertEquals(200, r.getCode(), r.toString());
    assertEquals(user, r.getUserId());
    return r.getToken();
  }

  static ParleyClient client(String user, Recorder inbox) throws Exception {
    String token = token(user);
    ParleyClient c = Clients.tcp(running.server(), user, inbox).appId(Sandbox.RONGCLOUD_APP_KEY)
        .credential(CredentialKind.RONGCLOUD_TOKEN, () -> token).build();
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  static ResponseResult publish(String from, BaseMessage content, String... to) throws Exception {
    return sdk.message.msgPrivate.send(new PrivateMessage().setSenderId(from).setTargetId(to)
        .setObjectName(content.getType()).setContent(content).setPushContent("push").setIsPersisted(1));
  }

  @Test
  @DisplayName("user.register gets a token that a Parley client logs in with, as the user it names")
  void registerThenLogIn() throws Exception {
    String token = token("sdk-login");
    try (ParleyClient c = Clients.tcp(running.server(), "sdk-login", new Recorder()).appId(Sandbox.RONGCLOUD_APP_KEY)
        .userId("").credential(CredentialKind.RONGCLOUD_TOKEN, () -> token).build()) {
      c.connect().get(10, TimeUnit.SECONDS); // the Login names no user: the token does
      assertTrue(c.isConnected());
    }
  }

  static Stream<BaseMessage> messages() {
    UserInfo who = new UserInfo("sdk-from", "发送者 🚀", "https://cdn.example.com/p.png", "{\"vip\":true}");
    return Stream.of(
        new TxtMessage("hello 你好 👋 مرحبا", "extra text", who),
        new ImgMessage("/9j/4AAQSkZJRgABAQ==", "", "https://cdn.example.com/a.jpg", who),
        new HQVoiceMessage("", "https://cdn.example.com/v.aac", "", 12L, who),
        new VoiceMessage("IyFBTVIK", "", 3L),
        new SightMessage("thumb", "", 8L, 1048576L, "clip.mp4", "https://cdn.example.com/clip.mp4"),
        new FileMessage("报告.pdf", 1773552L, "https://cdn.example.com/f.pdf", "x"),
        new LBSMessage("map", "", 39.9087, 116.3975, "天安门", who),
        new ImgTextMessage("body", "", "title", "https://cdn.example.com/i.png", "https://example.com"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  @DisplayName("message.msgPrivate.send reaches each online recipient as its element, and its content comes back as sent")
  void privatePublish(BaseMessage content) throws Exception {
    String suffix = content.getType().replace(":", "-");
    Recorder bob = new Recorder();
    Recorder carol = new Recorder();
    try (ParleyClient b = client("sdk-bob-" + suffix, bob); ParleyClient c = client("sdk-carol-" + suffix, carol)) {
      ResponseResult r = publish("sdk-from", content, "sdk-bob-" + suffix, "sdk-carol-" + suffix);
      assertEquals(200, r.getCode(), r.toString());
      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 1 && carol.count() == 1);
      for (Recorder inbox : List.of(bob, carol)) {
        ReceivedMessage m = inbox.messages().get(0);
        assertEquals("sdk-from", m.fromUserId());
        assertEquals(1, m.elements().size());
        Element e = m.elements().get(0);
        RongcloudMessage back = RongcloudElements.toVendor(e);
        assertEquals(content.getType(), back.objectName());
        assertTrue(RongcloudJson.same(RongcloudJson.read(content.toString()).orElseThrow(),
            RongcloudJson.read(back.contentText()).orElseThrow()), content + " came back as " + back.contentText());
      }
      Element e = bob.messages().get(0).elements().get(0);
      switch (content.getType()) {
        case "RC:TxtMsg" -> assertEquals("hello 你好 👋 مرحبا", e.getText().getText());
        case "RC:ImgMsg" -> assertEquals("https://cdn.example.com/a.jpg", e.getImage().getSizes(0).getUrl());
        case "RC:HQVCMsg" -> assertEquals(12, e.getSound().getSeconds());
        case "RC:SightMsg" -> assertEquals("https://cdn.example.com/clip.mp4", e.getVideo().getVideoUrl());
        case "RC:FileMsg" -> assertEquals(1773552, e.getFile().getSize());
        case "RC:LBSMsg" -> assertEquals("天安门", e.getLocation().getDesc());
        default -> assertEquals(content.getType(), e.getCustom().getDesc());
      }
    }
  }

  @Test
  @DisplayName("a private message is stored before the answer: a recipient offline at the time gets it when it logs in")
  void offlineRecipient() throws Exception {
    token("sdk-later");
    assertEquals(200, publish("sdk-from", new TxtMessage("while you were out", ""), "sdk-later").getCode());
    Recorder later = new Recorder();
    try (ParleyClient c = client("sdk-later", later)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> later.count() == 1);
      assertEquals("while you were out", later.messages().get(0).elements().get(0).getText().getText());
    }
  }

  @Test
  @DisplayName("isIncludeSender 1 also gives the sender's own devices the message; the same msgRandom is one message")
  void includeSenderAndRetry() throws Exception {
    Recorder sender = new Recorder();
    Recorder to = new Recorder();
    try (ParleyClient s = client("sdk-sender", sender); ParleyClient t = client("sdk-to", to)) {
      PrivateMessage m = new PrivateMessage().setSenderId("sdk-sender").setTargetId(new String[] {"sdk-to"})
          .setObjectName("RC:TxtMsg").setContent(new TxtMessage("twice", "")).setIsIncludeSender(1);
      m.setMsgRandom(77L);
      assertEquals(200, sdk.message.msgPrivate.send(m).getCode());
      assertEquals(200, sdk.message.msgPrivate.send(m).getCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> to.count() == 1 && sender.count() == 1);
      assertTrue(sender.messages().get(0).outgoing());
      assertEquals(200, publish("sdk-sender", new TxtMessage("last", ""), "sdk-to").getCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> to.count() == 2);
      assertEquals("last", to.messages().get(1).elements().get(0).getText().getText(), "the retry was not delivered");
      assertEquals(1, sender.count(), "without isIncludeSender the sender's devices are not told");
    }
  }

  @Test
  @DisplayName("message.system.send reaches the recipient too")
  void systemPublish() throws Exception {
    Recorder inbox = new Recorder();
    try (ParleyClient c = client("sdk-sys", inbox)) {
      SystemMessage m = new SystemMessage().setSenderId("sdk-admin").setTargetId(new String[] {"sdk-sys"})
          .setObjectName("RC:TxtMsg").setContent(new TxtMessage("notice", "")).setIsPersisted(1);
      assertEquals(200, sdk.message.system.send(m).getCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.count() == 1);
      assertEquals("sdk-admin", inbox.messages().get(0).fromUserId());
    }
  }

  @Test
  @DisplayName("user.get reads the name and portrait getToken and refresh stored, with the creation time")
  void profile() throws Exception {
    token("sdk-profile");
    UserResult first = sdk.user.get(new UserModel().setId("sdk-profile"));
    assertEquals(200, first.getCode(), first.toString());
    assertEquals("Name of sdk-profile", first.getUserName());
    assertTrue(first.getCreateTime().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), first.getCreateTime());
    assertEquals(200, sdk.user.update(new UserModel().setId("sdk-profile").setName("Renamed 名字")).getCode());
    UserResult after = sdk.user.get(new UserModel().setId("sdk-profile"));
    assertEquals("Renamed 名字", after.getUserName());
    assertEquals("https://cdn.example.com/sdk-profile.png", after.getUserPortrait(), "a value left out stays");
    assertEquals(first.getCreateTime(), after.getCreateTime());
    assertEquals(1002, sdk.user.get(new UserModel().setId("sdk-nobody")).getCode());
  }

  @Test
  @DisplayName("user.onlineStatus.check says 1 while the user has a live session and 0 after")
  void online() throws Exception {
    Recorder inbox = new Recorder();
    try (ParleyClient c = client("sdk-online", inbox)) {
      CheckOnlineResult r = sdk.user.onlineStatus.check(new UserModel().setId("sdk-online"));
      assertEquals(200, r.getCode(), r.toString());
      assertEquals("1", r.getStatus());
    }
    await().atMost(Duration.ofSeconds(10))
        .until(() -> sdk.user.onlineStatus.check(new UserModel().setId("sdk-online")).getStatus().equals("0"));
  }

  @Test
  @DisplayName("user.block kicks the live session and lists the user until unblocked; the list names it with its end time")
  void block() throws Exception {
    Recorder inbox = new Recorder();
    try (ParleyClient c = client("sdk-blocked", inbox)) {
      assertEquals(200, sdk.user.block.add(new UserModel().setId("sdk-blocked").setMinute(30)).getCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.kicks.contains(KickReason.ACCOUNT_BLOCKED));
    }
    BlockUserResult listed = (BlockUserResult) sdk.user.block.getList();
    assertEquals(200, listed.getCode(), listed.toString());
    List<BlockUsers> users = listed.getUsers();
    assertEquals(List.of("sdk-blocked"), users.stream().map(BlockUsers::getId).toList());
    assertTrue(users.get(0).getBlockEndTime().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), users.toString());
    var refused = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client("sdk-blocked", new Recorder()).close());
    assertEquals(io.parley.protocol.ErrorCodes.RONGCLOUD_USER_BLOCKED,
        ((io.parley.client.ParleyException) refused.getCause()).code(), "a blocked user cannot log in");
    assertEquals(200, sdk.user.block.remove("sdk-blocked").getCode());
    assertEquals(List.of(), ((BlockUserResult) sdk.user.block.getList()).getUsers());
    client("sdk-blocked", new Recorder()).close(); // unblocked: logs in again
  }

  @Test
  @DisplayName("user.expire kicks the user's session and refuses its old token; a token got afterwards logs in")
  void expire() throws Exception {
    Recorder inbox = new Recorder();
    String old;
    try (ParleyClient c = client("sdk-expire", inbox)) {
      old = token("sdk-expire"); // a second token, issued before the expiry too
      assertEquals(200, sdk.user.expire(new ExpireModel().setUserId(new String[] {"sdk-expire"})
          .setTime(System.currentTimeMillis() + 1)).getCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.kicks.contains(KickReason.CREDENTIAL_REVOKED));
    }
    String stale = old;
    try (ParleyClient again = Clients.tcp(running.server(), "sdk-expire", new Recorder()).appId(Sandbox.RONGCLOUD_APP_KEY)
        .credential(CredentialKind.RONGCLOUD_TOKEN, () -> stale).build()) {
      ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> again.connect().get(10, TimeUnit.SECONDS));
      assertFalse(again.isConnected(), refused.toString());
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      try (ParleyClient fresh = client("sdk-expire", new Recorder())) {
        return fresh.isConnected();
      } catch (ExecutionException tooSoon) { // a token of the expiry's very millisecond is still "before" it
        return false;
      }
    });
  }
}
