package io.parley.server.vendor.netease;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.SendReceipt;
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
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("NetEase team copies (抄送): team messages and team operations reach the app as signed eventType 1 "
    + "copies of convType TEAM, to the tid")
class NeteaseTeamCopyTest {
  static final Duration WAIT = Duration.ofSeconds(20);
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

  static String token(String accid) throws Exception {
    return call("user/create").param("accid", accid).ok().path("info").path("token").asText();
  }

  static String team(String owner, String members) throws Exception {
    return call("team/create").param("tname", "copied").param("owner", owner).param("members", members)
        .param("msg", "join").param("magree", "0").param("joinmode", "0").ok().path("tid").asText();
  }

  /** The first copy that matches, waiting for it. */
  static CallbackReceiver.Received copy(Predicate<JsonNode> which) {
    return await().atMost(WAIT).until(() -> copies.all().stream().filter(r -> which.test(r.json())).findFirst(),
        Optional::isPresent).get();
  }

  /** The team notification copy of this team with this notification id. */
  static JsonNode notice(String tid, int id) {
    return notice(tid, id, a -> true);
  }

  /** The team notification copy of this team with this notification id whose attach matches. */
  static JsonNode notice(String tid, int id, Predicate<JsonNode> attachMatches) {
    JsonNode body = copy(j -> j.path("to").asText().equals(tid) && j.path("msgType").asText().equals("NOTIFICATION")
        && attach(j).path("id").asInt(-1) == id && attachMatches.test(attach(j))).json();
    assertEquals("1", body.path("eventType").asText());
    assertEquals("TEAM", body.path("convType").asText());
    return body;
  }

  /** The copy's attach, parsed; a missing node when it is not JSON. */
  static JsonNode attach(JsonNode copy) {
    try {
      return NeteaseRestCall.JSON.readTree(copy.path("attach").asText("null"));
    } catch (IOException e) {
      return NeteaseRestCall.JSON.missingNode();
    }
  }

  @Test
  @DisplayName("a REST team message (ope 1) is copied with convType TEAM, to the tid, from client type REST, its "
      + "msgid, timetag, body and ext; MD5 and CheckSum verify")
  void restTeamMessage() throws Exception {
    token("tm-owner");
    token("tm-bob");
    String tid = team("tm-owner", "[\"tm-bob\"]");
    JsonNode data = call("msg/sendMsg").param("from", "tm-owner").param("ope", "1").param("to", tid)
        .param("type", "0").param("body", "{\"msg\":\"大家好\"}").param("ext", "{\"x\":1}").ok().path("data");
    String msgid = data.path("msgid").asText();

    CallbackReceiver.Received r = copy(j -> j.path("msgidServer").asText().equals(msgid));
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(r.body()));
    assertEquals(md5, r.header("MD5"));
    assertEquals(NeteaseRestCall.checkSum(Sandbox.NETEASE_APP_SECRET, md5, r.header("CurTime")), r.header("CheckSum"));
    JsonNode body = r.json();
    assertEquals("1", body.path("eventType").asText());
    assertEquals("TEAM", body.path("convType").asText());
    assertEquals(tid, body.path("to").asText());
    assertEquals("tm-owner", body.path("fromAccount").asText());
    assertEquals("REST", body.path("fromClientType").asText());
    assertEquals("TEXT", body.path("msgType").asText());
    assertEquals("大家好", body.path("body").asText());
    assertEquals("{\"x\":1}", body.path("ext").asText());
    assertEquals(data.path("timetag").asText(), body.path("msgTimestamp").asText());
    assertTrue(body.path("msgidClient").asText().startsWith("nim:"));
    assertEquals("0", body.path("resendFlag").asText());
    body.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), f.getKey() + " is a string"));
  }

  @Test
  @DisplayName("a client's team message is copied with its client's msgidClient and msgidServer, to the tid")
  void clientTeamMessage() throws Exception {
    token("tc-owner");
    String bobToken = token("tc-bob");
    String tid = team("tc-owner", "[\"tc-bob\"]");
    try (ParleyClient bob = Clients.tcp(running.server(), "tc-bob", new Recorder()).appId(Sandbox.NETEASE_APP_KEY)
        .credential(CredentialKind.NETEASE_TOKEN, () -> bobToken).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
      SendReceipt sent = bob.sendToGroup(tid, Elements.text("from a client")).get(10, TimeUnit.SECONDS);

      JsonNode body = copy(j -> j.path("msgidServer").asText().equals(Long.toString(sent.serverMsgId()))).json();
      assertEquals("TEAM", body.path("convType").asText());
      assertEquals(tid, body.path("to").asText());
      assertEquals("tc-bob", body.path("fromAccount").asText());
      assertEquals("from a client", body.path("body").asText());
      assertEquals(sent.clientMsgId(), body.path("msgidClient").asText());
    }
  }

  @Test
  @DisplayName("team operations are copied as NOTIFICATION with attach {id, data: {tinfo, ids}}: 0 invite (at create "
      + "and on add), 5 application let in, 3 update, 1 kick, 2 leave, 4 dismiss")
  void teamOperations() throws Exception {
    for (String a : List.of("to-owner", "to-bob", "to-carol", "to-dan", "to-eve")) {
      token(a);
    }
    String tid = team("to-owner", "[\"to-bob\"]");
    JsonNode created = attach(notice(tid, TeamNotices.INVITE));
    assertEquals("[\"to-bob\"]", created.path("data").path("ids").toString());
    assertEquals(tid, created.path("data").path("tinfo").path("tid").asText());
    assertEquals("to-owner", created.path("data").path("tinfo").path("owner").asText());

    call("team/add").param("tid", tid).param("owner", "to-owner").param("members", "[\"to-carol\",\"to-dan\"]")
        .param("magree", "0").param("msg", "in").ok();
    JsonNode added = notice(tid, TeamNotices.INVITE, a -> a.path("data").path("ids").size() == 2);
    assertEquals("[\"to-carol\",\"to-dan\"]", attach(added).path("data").path("ids").toString());
    call("team/applyJoin").param("tid", tid).param("accid", "to-eve").ok();
    JsonNode applied = notice(tid, TeamNotices.APPLY_PASS);
    assertEquals("[\"to-eve\"]", attach(applied).path("data").path("ids").toString());

    call("team/update").param("tid", tid).param("owner", "to-owner").param("tname", "renamed")
        .param("announcement", "read me").ok();
    JsonNode updated = notice(tid, TeamNotices.UPDATE);
    assertEquals("to-owner", updated.path("fromAccount").asText());
    assertEquals("renamed", attach(updated).path("data").path("tinfo").path("tname").asText());
    assertEquals("read me", attach(updated).path("data").path("tinfo").path("announcement").asText());

    call("team/kick").param("tid", tid).param("owner", "to-owner").param("member", "to-carol").ok();
    assertEquals("[\"to-carol\"]", attach(notice(tid, TeamNotices.KICK)).path("data").path("ids").toString());
    call("team/leave").param("tid", tid).param("accid", "to-dan").ok();
    JsonNode left = notice(tid, TeamNotices.LEAVE);
    assertEquals("to-dan", left.path("fromAccount").asText());
    assertEquals("[\"to-dan\"]", attach(left).path("data").path("ids").toString());

    call("team/remove").param("tid", tid).param("owner", "to-owner").ok();
    JsonNode dismissed = notice(tid, TeamNotices.DISMISS);
    assertEquals(tid, attach(dismissed).path("data").path("tinfo").path("tid").asText());
    assertEquals("NOTIFICATION", dismissed.path("msgType").asText());
  }

  @Test
  @DisplayName("manager changes, member mutes and an owner transfer are copied as 7 AddManager, 8 RemoveManager, "
      + "10 MuteMember (mute 1, then 0) and 6 OwnerTransfer, each naming its accids, from the operator")
  void moderationOperations() throws Exception {
    for (String a : List.of("tx-owner", "tx-bob", "tx-carol")) {
      token(a);
    }
    String tid = team("tx-owner", "[\"tx-bob\",\"tx-carol\"]");

    call("team/addManager").param("tid", tid).param("owner", "tx-owner").param("members", "[\"tx-bob\"]").ok();
    JsonNode added = notice(tid, TeamNotices.ADD_MANAGER);
    assertEquals("tx-owner", added.path("fromAccount").asText());
    assertEquals("[\"tx-bob\"]", attach(added).path("data").path("ids").toString());
    call("team/removeManager").param("tid", tid).param("owner", "tx-owner").param("members", "[\"tx-bob\"]").ok();
    assertEquals("[\"tx-bob\"]", attach(notice(tid, TeamNotices.REMOVE_MANAGER)).path("data").path("ids").toString());

    call("team/muteTlist").param("tid", tid).param("owner", "tx-owner").param("accid", "tx-carol").param("mute", "1")
        .ok();
    JsonNode muted = notice(tid, TeamNotices.MUTE_MEMBER, a -> a.path("data").path("mute").asInt(-1) == 1);
    assertEquals("[\"tx-carol\"]", attach(muted).path("data").path("ids").toString());
    call("team/muteTlist").param("tid", tid).param("owner", "tx-owner").param("accid", "tx-carol").param("mute", "0")
        .ok();
    JsonNode lifted = notice(tid, TeamNotices.MUTE_MEMBER, a -> a.path("data").path("mute").asInt(-1) == 0);
    assertEquals("[\"tx-carol\"]", attach(lifted).path("data").path("ids").toString());

    call("team/changeOwner").param("tid", tid).param("owner", "tx-owner").param("newowner", "tx-bob")
        .param("leave", "2").ok();
    JsonNode transferred = notice(tid, TeamNotices.OWNER_TRANSFER);
    assertEquals("tx-owner", transferred.path("fromAccount").asText());
    assertEquals("[\"tx-bob\"]", attach(transferred).path("data").path("ids").toString());
    assertEquals("tx-bob", attach(transferred).path("data").path("tinfo").path("owner").asText());
  }
}
