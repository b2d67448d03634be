package io.parley.server.vendor.netease;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.protocol.credential.netease.NeteaseCheckSum;
import io.parley.protocol.v1.Element;
import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.config.Sandbox;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("NetEase messages: msg/sendMsg and sendBatchMsg reach clients, history/querySessionMsg shows both sides, "
    + "client messages reach the app as signed copies")
class NeteaseMessageRestTest {
  static final CallbackReceiver copies = receiver();

  @RegisterExtension
  static final ServerExtension running = new ServerExtension(c -> c.withApps(List.of(Sandbox.tencentApp(),
      Sandbox.rongcloudApp(), withCopies(Sandbox.neteaseApp()), Sandbox.yuntongxunApp())));

  private static CallbackReceiver receiver() {
    try {
      return CallbackReceiver.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static App withCopies(App app) {
    return new App(app.id(), app.vendor(), app.secrets(), app.limits(),
        new CallbackSettings(Optional.of(copies.url()), Optional.empty()));
  }

  @AfterAll
  static void stopReceiver() {
    copies.close();
  }

  static NeteaseRestCall call(String action) {
    return NeteaseRestCall.to(running.server().httpPort(), action);
  }

  /** Creates the account and returns a connected client of it. */
  static ParleyClient online(String accid, Recorder rec) throws Exception {
    String token = call("user/create").param("accid", accid).ok().path("info").path("token").asText();
    ParleyClient c = Clients.tcp(running.server(), accid, rec).appId(Sandbox.NETEASE_APP_KEY)
        .credential(CredentialKind.NETEASE_TOKEN, () -> token).build();
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  static void create(String accid) throws Exception {
    call("user/create").param("accid", accid).ok();
  }

  static NeteaseRestCall sendMsg(String from, String to, int type, String body) {
    return call("msg/sendMsg").param("from", from).param("ope", "0").param("to", to).param("type", Integer.toString(type))
        .param("body", body);
  }

  static JsonNode history(String from, String to, int limit, int reverse) throws Exception {
    return call("history/querySessionMsg").param("from", from).param("to", to).param("begintime", "0")
        .param("endtime", Long.toString(System.currentTimeMillis() + 60_000)).param("limit", Integer.toString(limit))
        .param("reverse", Integer.toString(reverse)).ok();
  }

  /** The message copy (eventType 1) with this msgidServer, waiting for it. */
  static CallbackReceiver.Received copyOf(long msgidServer) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> copies.all().stream()
        .filter(r -> r.json().path("eventType").asText().equals("1"))
        .filter(r -> r.json().path("msgidServer").asText().equals(Long.toString(msgidServer))).findFirst(),
        Optional::isPresent).get();
  }

  @Test
  @DisplayName("msg/sendMsg: the recipient's client receives the element, ext as its custom data, under the answered msgid")
  void sendMsgReachesTheClient() throws Exception {
    create("m-alice");
    Recorder bob = new Recorder();
    try (ParleyClient b = online("m-bob", bob)) {
      JsonNode answer = sendMsg("m-alice", "m-bob", 0, "{\"msg\":\"你好, REST 👋\"}").param("ext", "{\"k\":\"v\"}").ok();
      sendMsg("m-alice", "m-bob", 1, "{\"name\":\"a.jpg\",\"md5\":\"9894907e\",\"url\":\"https://cdn.example.com/a.jpg\","
          + "\"ext\":\"jpg\",\"w\":640,\"h\":480,\"size\":1024}").ok();

      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 2);
      ReceivedMessage text = bob.messages().get(0);
      assertEquals("m-alice", text.fromUserId());
      assertEquals("你好, REST 👋", text.elements().get(0).getText().getText());
      assertEquals("{\"k\":\"v\"}", text.cloudCustomData());
      assertEquals(answer.path("data").path("msgid").asLong(), text.serverMsgId());
      assertEquals(answer.path("data").path("timetag").asLong(), text.serverTimeMs());
      Element image = bob.messages().get(1).elements().get(0);
      assertEquals("https://cdn.example.com/a.jpg", image.getImage().getSizes(0).getUrl());
      assertEquals(640, image.getImage().getSizes(0).getWidth());
      assertEquals(480, image.getImage().getSizes(0).getHeight());
    }
  }

  @Test
  @DisplayName("option sendersync=false keeps a message off the sender's own devices; by default they see it")
  void senderSync() throws Exception {
    create("s-bob");
    Recorder alice = new Recorder();
    try (ParleyClient a = online("s-alice", alice)) {
      sendMsg("s-alice", "s-bob", 0, "{\"msg\":\"quiet\"}").param("option", "{\"sendersync\":false}").ok();
      sendMsg("s-alice", "s-bob", 0, "{\"msg\":\"synced\"}").ok();

      await().atMost(Duration.ofSeconds(10)).until(() -> alice.count() >= 1);
      assertEquals(List.of("synced"), alice.messages().stream().map(m -> m.elements().get(0).getText().getText()).toList());
      assertTrue(alice.messages().get(0).outgoing());
    }
  }

  @Test
  @DisplayName("msg/sendBatchMsg: every registered recipient receives it; unregistered ones are listed")
  void sendBatchMsg() throws Exception {
    create("b-alice");
    Recorder bob = new Recorder();
    Recorder carol = new Recorder();
    try (ParleyClient b = online("b-bob", bob); ParleyClient c = online("b-carol", carol)) {
      JsonNode answer = call("msg/sendBatchMsg").param("fromAccid", "b-alice")
          .param("toAccids", "[\"b-bob\",\"b-carol\",\"b-ghost\",\"b-bob\"]").param("type", "0")
          .param("body", "{\"msg\":\"to all\"}").ok();

      assertEquals("[\"b-ghost\"]", answer.path("unregister").asText());
      await().atMost(Duration.ofSeconds(10)).until(() -> bob.count() == 1 && carol.count() == 1);
      assertEquals(answer.path("msgids").path("b-bob").asLong(), bob.messages().get(0).serverMsgId());
      assertEquals(answer.path("msgids").path("b-carol").asLong(), carol.messages().get(0).serverMsgId());
      assertEquals("to all", carol.messages().get(0).elements().get(0).getText().getText());
      assertTrue(answer.path("timetag").asLong() > 0);
    }
  }

  @Test
  @DisplayName("history/querySessionMsg: a client's message and REST messages, both directions, newest or oldest first")
  void history() throws Exception {
    create("h-alice");
    try (ParleyClient b = online("h-bob", new Recorder())) {
      String image = "{\"url\":\"https://cdn.example.com/h.png\",\"md5\":\"abc\",\"w\":1,\"h\":2,\"unknown\":[null,{}]}";
      long first = sendMsg("h-alice", "h-bob", 1, image).ok().path("data").path("msgid").asLong();
      SendReceipt fromClient = b.send("h-alice", Elements.text("from the client")).get(10, TimeUnit.SECONDS);
      long third = sendMsg("h-alice", "h-bob", 100, "{\"custom\" : true}").param("ext", "e").ok()
          .path("data").path("msgid").asLong();

      JsonNode newest = history("h-alice", "h-bob", 100, 2);
      assertEquals(3, newest.path("size").asInt());
      JsonNode msgs = newest.path("msgs");
      assertEquals(List.of(third, fromClient.serverMsgId(), first),
          List.of(msgs.get(0).path("msgid").asLong(), msgs.get(1).path("msgid").asLong(), msgs.get(2).path("msgid").asLong()));
      JsonNode clientMsg = msgs.get(1);
      assertEquals("h-bob", clientMsg.path("from").asText());
      assertEquals(0, clientMsg.path("type").asInt());
      assertEquals(NeteaseRestCall.JSON.readTree("{\"msg\":\"from the client\"}"), clientMsg.path("body"));
      assertEquals(fromClient.clientMsgId(), clientMsg.path("msgidclient").asText());
      assertEquals(fromClient.serverTimeMs(), clientMsg.path("sendtime").asLong());
      assertEquals(NeteaseRestCall.JSON.readTree(image), msgs.get(2).path("body"), "the body as sent, unknown fields too");
      assertEquals(100, msgs.get(0).path("type").asInt());
      assertEquals("e", msgs.get(0).path("ext").asText());

      JsonNode oldestTwo = history("h-bob", "h-alice", 2, 1);
      assertEquals(first, oldestTwo.path("msgs").get(0).path("msgid").asLong());
      assertEquals(fromClient.serverMsgId(), oldestTwo.path("msgs").get(1).path("msgid").asLong());
      assertEquals(third, history("h-alice", "h-bob", 1, 2).path("msgs").get(0).path("msgid").asLong());

      JsonNode later = call("history/querySessionMsg").param("from", "h-alice").param("to", "h-bob")
          .param("begintime", Long.toString(System.currentTimeMillis() + 1000))
          .param("endtime", Long.toString(System.currentTimeMillis() + 2000)).param("limit", "10").ok();
      assertEquals(0, later.path("size").asInt());
    }
  }

  @Test
  @DisplayName("a client's p2p message reaches the app as a copy (eventType 1) whose MD5 and CheckSum headers verify")
  void clientMessageCopy() throws Exception {
    create("c-alice");
    try (ParleyClient b = online("c-bob", new Recorder())) {
      SendReceipt sent = b.send("c-alice", Elements.text("copy me 抄送")).get(10, TimeUnit.SECONDS);

      CallbackReceiver.Received copy = copyOf(sent.serverMsgId());

      String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(copy.body()));
      assertEquals(md5, copy.header("MD5"));
      assertEquals(NeteaseRestCall.checkSum(Sandbox.NETEASE_APP_SECRET, md5, copy.header("CurTime")), copy.header("CheckSum"));
      assertTrue(NeteaseCheckSum.matches(
          NeteaseCheckSum.callbackCheckSum(Sandbox.NETEASE_APP_SECRET, copy.header("MD5"), copy.header("CurTime")),
          copy.header("CheckSum")));
      JsonNode body = copy.json();
      assertEquals("PERSON", body.path("convType").asText());
      assertEquals("c-bob", body.path("fromAccount").asText());
      assertEquals("c-alice", body.path("to").asText());
      assertEquals("TEXT", body.path("msgType").asText());
      assertEquals("copy me 抄送", body.path("body").asText());
      assertEquals(sent.clientMsgId(), body.path("msgidClient").asText());
      assertEquals(Long.toString(sent.serverTimeMs()), body.path("msgTimestamp").asText());
    }
  }

  @Test
  @DisplayName("a REST message is copied too, from client type REST, with its content as attach; route=false skips it")
  void restMessageCopy() throws Exception {
    create("r-alice");
    create("r-bob");
    long skipped = sendMsg("r-alice", "r-bob", 0, "{\"msg\":\"no copy\"}").param("option", "{\"route\":false}").ok()
        .path("data").path("msgid").asLong();
    long msgid = sendMsg("r-alice", "r-bob", 4, "{\"title\":\"杭州\",\"lng\":120.19,\"lat\":30.18}").ok()
        .path("data").path("msgid").asLong();

    JsonNode body = copyOf(msgid).json();

    assertEquals("REST", body.path("fromClientType").asText());
    assertEquals("LOCATION", body.path("msgType").asText());
    assertEquals(NeteaseRestCall.JSON.readTree("{\"title\":\"杭州\",\"lng\":120.19,\"lat\":30.18}"),
        NeteaseRestCall.JSON.readTree(body.path("attach").asText()));
    assertTrue(copies.all().stream().noneMatch(r -> r.json().path("msgidServer").asText().equals(Long.toString(skipped))),
        "route=false never queues a copy");
  }
}
