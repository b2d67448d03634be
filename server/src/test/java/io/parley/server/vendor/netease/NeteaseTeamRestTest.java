package io.parley.server.vendor.netease;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.MemberOutcomeKind;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("NetEase teams over signed REST: team/* as the guide names them, each team mode honoured, refusals "
    + "with NetEase's team codes")
class NeteaseTeamRestTest {
  static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  static NeteaseRestCall call(String action) {
    return NeteaseRestCall.to(running.server().httpPort(), action);
  }

  static String token(String accid) throws Exception {
    return call("user/create").param("accid", accid).ok().path("info").path("token").asText();
  }

  static void accounts(String... accids) throws Exception {
    for (String a : accids) {
      call("user/create").param("accid", a).ok();
    }
  }

  static ParleyClient online(String accid, Recorder rec) throws Exception {
    String token = token(accid);
    ParleyClient c = Clients.tcp(running.server(), accid, rec).appId(Sandbox.NETEASE_APP_KEY)
        .credential(CredentialKind.NETEASE_TOKEN, () -> token).build();
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  static String json(String... items) {
    List<String> quoted = new ArrayList<>();
    for (String i : items) {
      quoted.add("\"" + i + "\"");
    }
    return "[" + String.join(",", quoted) + "]";
  }

  /** team/create with magree 0 (members join at once) and the given joinmode; returns the tid. */
  static NeteaseRestCall create(String owner, int joinmode, String... members) {
    return call("team/create").param("tname", "team of " + owner).param("owner", owner)
        .param("members", json(members)).param("msg", "join us").param("magree", "0")
        .param("joinmode", Integer.toString(joinmode));
  }

  static String team(String owner, String... members) throws Exception {
    return create(owner, 0, members).ok().path("tid").asText();
  }

  static JsonNode detail(String tid) throws Exception {
    return call("team/queryDetail").param("tid", tid).ok().path("tinfo");
  }

  /** Every accid in the team, owner and managers included. */
  static List<String> members(String tid) throws Exception {
    JsonNode t = detail(tid);
    List<String> out = new ArrayList<>();
    out.add(t.path("owner").path("accid").asText());
    t.path("admins").forEach(m -> out.add(m.path("accid").asText()));
    t.path("members").forEach(m -> out.add(m.path("accid").asText()));
    return out;
  }

  static NeteaseRestCall add(String tid, String operator, int magree, String... members) {
    return call("team/add").param("tid", tid).param("owner", operator).param("members", json(members))
        .param("magree", Integer.toString(magree)).param("msg", "come");
  }

  static NeteaseRestCall update(String tid, String operator) {
    return call("team/update").param("tid", tid).param("owner", operator);
  }

  static NeteaseRestCall teamMsg(String from, String tid, String text) {
    return call("msg/sendMsg").param("from", from).param("ope", "1").param("to", tid).param("type", "0")
        .param("body", "{\"msg\":\"" + text + "\"}");
  }

  static int code(JsonNode answer) {
    return answer.path("code").asInt();
  }

  @Test
  @DisplayName("team/create: a numeric tid; the owner and members are in, an unregistered member is in faccid; "
      + "query, queryDetail and joinTeams show the team with its modes")
  void createAndRead() throws Exception {
    accounts("c-owner", "c-bob", "c-carol");
    JsonNode created = create("c-owner", 1, "c-bob", "c-carol", "c-ghost").param("announcement", "hello")
        .param("intro", "about").param("custom", "{\"k\":1}").param("invitemode", "1").param("beinvitemode", "1")
        .ok();
    String tid = created.path("tid").asText();
    assertTrue(tid.matches("\\d+"), tid);
    assertEquals("[\"c-ghost\"]", created.path("faccid").path("accid").toString());

    JsonNode t = detail(tid);
    assertEquals("team of c-owner", t.path("tname").asText());
    assertEquals("c-owner", t.path("owner").path("accid").asText());
    assertEquals(1, t.path("owner").path("type").asInt());
    assertEquals(List.of("c-owner", "c-bob", "c-carol"), members(tid));
    assertEquals(3, t.path("size").asInt());
    assertEquals(500, t.path("maxusers").asInt());
    assertEquals("hello", t.path("announcement").asText());
    assertEquals("about", t.path("intro").asText());
    assertEquals("{\"k\":1}", t.path("custom").asText());
    assertEquals(1, t.path("joinmode").asInt());
    assertEquals(1, t.path("invitemode").asInt());
    assertEquals(1, t.path("beinvitemode").asInt());
    assertEquals(0, t.path("uptinfomode").asInt());
    assertEquals(0, t.path("muteType").asInt());

    JsonNode bare = call("team/query").param("tids", json(tid, "999")).param("ope", "0").ok().path("tinfos");
    assertEquals(1, bare.size());
    assertEquals(tid, bare.get(0).path("tid").asText());
    assertTrue(bare.get(0).path("members").isMissingNode());
    JsonNode full = call("team/query").param("tids", json(tid)).param("ope", "1").ok().path("tinfos").get(0);
    assertEquals("[\"c-bob\",\"c-carol\"]", full.path("members").toString());
    assertEquals("c-owner", full.path("owner").asText());

    JsonNode mine = call("team/joinTeams").param("accid", "c-bob").ok();
    assertEquals(1, mine.path("count").asInt());
    assertEquals(tid, mine.path("infos").get(0).path("tid").asText());
  }

  @Test
  @DisplayName("team/create refuses a missing joinmode or magree, a bad mode and an unregistered owner (414); an "
      + "unknown team is 803 everywhere")
  void createRefusals() throws Exception {
    accounts("cr-owner");
    assertEquals(414, code(call("team/create").param("tname", "t").param("owner", "cr-owner").param("members", "[]")
        .param("msg", "m").param("magree", "0").send()));
    assertEquals(414, code(call("team/create").param("tname", "t").param("owner", "cr-owner").param("members", "[]")
        .param("msg", "m").param("joinmode", "0").send()));
    assertEquals(414, code(create("cr-owner", 3).send()));
    assertEquals(414, code(create("cr-ghost", 0).send()));
    assertEquals(803, code(call("team/queryDetail").param("tid", "12345").send()));
    assertEquals(803, code(add("12345", "cr-owner", 0, "cr-owner").send()));
    assertEquals(803, code(call("team/remove").param("tid", "12345").param("owner", "cr-owner").send()));
  }

  @Test
  @DisplayName("teamMemberLimit: members beyond it are listed in faccid at create, and team/add beyond it is 801")
  void memberLimit() throws Exception {
    accounts("ml-owner", "ml-bob", "ml-carol", "ml-dan");
    JsonNode created = create("ml-owner", 0, "ml-bob", "ml-carol").param("teamMemberLimit", "2").ok();
    String tid = created.path("tid").asText();
    assertEquals("[\"ml-carol\"]", created.path("faccid").path("accid").toString());
    assertEquals(2, detail(tid).path("maxusers").asInt());
    assertEquals(List.of("ml-owner", "ml-bob"), members(tid));
    assertEquals(801, code(add(tid, "ml-owner", 0, "ml-dan").send()));
  }

  @Test
  @DisplayName("team/add: magree 0 joins at once; magree 1 waits until the invitee agrees; a team with beinvitemode "
      + "1 needs no consent even with magree 1")
  void addAndConsent() throws Exception {
    accounts("a-owner", "a-bob", "a-dan");
    Recorder carolRec = new Recorder();
    try (ParleyClient carol = online("a-carol", carolRec)) {
      String tid = team("a-owner");
      add(tid, "a-owner", 0, "a-bob").ok();
      assertEquals(List.of("a-owner", "a-bob"), members(tid));

      add(tid, "a-owner", 1, "a-carol").ok();
      assertEquals(List.of("a-owner", "a-bob"), members(tid), "the invitee has not agreed yet");
      await().atMost(WAIT).until(() -> carolRec.notifications.stream()
          .anyMatch(n -> n.getType() == GroupNotificationType.GROUP_NOTIFICATION_INVITATION));
      assertEquals(MemberOutcomeKind.MEMBER_DONE,
          carol.groups().answerInvitation(tid, "a-owner", true, "").get(20, TimeUnit.SECONDS).getKind());
      assertEquals(List.of("a-owner", "a-bob", "a-carol"), members(tid));

      update(tid, "a-owner").param("beinvitemode", "1").ok();
      add(tid, "a-owner", 1, "a-dan").ok();
      assertTrue(members(tid).contains("a-dan"));

      JsonNode again = add(tid, "a-owner", 0, "a-bob").send();
      assertEquals(809, code(again), again.toString());
      assertEquals(414, code(add(tid, "a-owner", 2, "a-bob").send()));
    }
  }

  @Test
  @DisplayName("invitemode: under 0 a normal member may not add (802), a manager may; under 1 everyone may")
  void inviteMode() throws Exception {
    accounts("i-owner", "i-bob", "i-mgr", "i-x", "i-y", "i-z", "i-out");
    String tid = team("i-owner", "i-bob", "i-mgr");
    call("team/addManager").param("tid", tid).param("owner", "i-owner").param("members", json("i-mgr")).ok();
    assertEquals(802, code(add(tid, "i-bob", 0, "i-x").send()));
    add(tid, "i-mgr", 0, "i-x").ok();
    assertEquals(804, code(add(tid, "i-out", 0, "i-y").send()), "an outsider is not in the team");

    update(tid, "i-owner").param("invitemode", "1").ok();
    add(tid, "i-bob", 0, "i-y").ok();
    assertTrue(members(tid).containsAll(List.of("i-x", "i-y")));
    assertEquals(1, detail(tid).path("invitemode").asInt());
  }

  @Test
  @DisplayName("uptinfomode and upcustommode: under 0 only the owner and managers update, under 1 any member does")
  void updateModes() throws Exception {
    accounts("u-owner", "u-bob", "u-mgr");
    String tid = team("u-owner", "u-bob", "u-mgr");
    call("team/addManager").param("tid", tid).param("owner", "u-owner").param("members", json("u-mgr")).ok();
    assertEquals(802, code(update(tid, "u-bob").param("tname", "bob's").send()));
    assertEquals(802, code(update(tid, "u-bob").param("custom", "c").send()));
    update(tid, "u-mgr").param("tname", "managed").param("announcement", "news").param("icon", "https://i/x.png").ok();
    JsonNode t = detail(tid);
    assertEquals("managed", t.path("tname").asText());
    assertEquals("news", t.path("announcement").asText());
    assertEquals("https://i/x.png", t.path("icon").asText());

    update(tid, "u-owner").param("uptinfomode", "1").param("upcustommode", "1").ok();
    update(tid, "u-bob").param("tname", "bob's").param("custom", "c").ok();
    t = detail(tid);
    assertEquals("bob's", t.path("tname").asText());
    assertEquals("c", t.path("custom").asText());
    assertEquals(1, t.path("uptinfomode").asInt());
    assertEquals(1, t.path("upcustommode").asInt());
    assertEquals(414, code(update(tid, "u-owner").param("uptinfomode", "2").send()));
  }

  @Test
  @DisplayName("joinmode: 0 lets an applicant in at once, 1 waits for the owner's approval, 2 refuses (802)")
  void joinMode() throws Exception {
    accounts("j-free", "j-late", "j-none");
    Recorder ownerRec = new Recorder();
    try (ParleyClient owner = online("j-owner", ownerRec)) {
      String free = team("j-owner");
      call("team/applyJoin").param("tid", free).param("accid", "j-free").param("msg", "hi").ok();
      assertTrue(members(free).contains("j-free"));
      assertEquals(809, code(call("team/applyJoin").param("tid", free).param("accid", "j-free").send()));

      String approval = create("j-owner", 1).ok().path("tid").asText();
      call("team/applyJoin").param("tid", approval).param("accid", "j-late").param("msg", "let me in").ok();
      assertFalse(members(approval).contains("j-late"));
      await().atMost(WAIT).until(() -> ownerRec.notifications.stream()
          .anyMatch(n -> n.getType() == GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST));
      assertEquals(MemberOutcomeKind.MEMBER_DONE,
          owner.groups().answerApplication(approval, "j-late", true, "ok").get(20, TimeUnit.SECONDS).getKind());
      assertTrue(members(approval).contains("j-late"));

      String closed = create("j-owner", 2).ok().path("tid").asText();
      assertEquals(802, code(call("team/applyJoin").param("tid", closed).param("accid", "j-none").send()));
      update(closed, "j-owner").param("joinmode", "0").ok();
      call("team/applyJoin").param("tid", closed).param("accid", "j-none").ok();
      assertTrue(members(closed).contains("j-none"));
    }
  }

  @Test
  @DisplayName("team/kick: the owner or a manager removes members (member or members); a normal member may not "
      + "(802), a manager may not kick a manager, a non-member is 804")
  void kick() throws Exception {
    accounts("k-owner", "k-mgr", "k-mgr2", "k-bob", "k-carol", "k-dan");
    String tid = team("k-owner", "k-mgr", "k-mgr2", "k-bob", "k-carol", "k-dan");
    call("team/addManager").param("tid", tid).param("owner", "k-owner").param("members", json("k-mgr", "k-mgr2"))
        .ok();
    assertEquals(802, code(call("team/kick").param("tid", tid).param("owner", "k-bob").param("member", "k-carol")
        .send()));
    assertEquals(802, code(call("team/kick").param("tid", tid).param("owner", "k-mgr").param("member", "k-mgr2")
        .send()));
    assertEquals(802, code(call("team/kick").param("tid", tid).param("owner", "k-mgr").param("member", "k-owner")
        .send()), "nobody kicks the owner");
    call("team/kick").param("tid", tid).param("owner", "k-mgr").param("member", "k-bob").ok();
    call("team/kick").param("tid", tid).param("owner", "k-owner").param("members", json("k-carol", "k-dan")).ok();
    assertEquals(List.of("k-owner", "k-mgr", "k-mgr2"), members(tid));
    assertEquals(804, code(call("team/kick").param("tid", tid).param("owner", "k-owner").param("member", "k-bob")
        .send()));
  }

  @Test
  @DisplayName("team/leave: a member leaves, the owner may not (802), a non-member is 804; team/remove is the "
      + "owner's alone, and the team is gone after it")
  void leaveAndRemove() throws Exception {
    accounts("l-owner", "l-bob", "l-carol");
    String tid = team("l-owner", "l-bob", "l-carol");
    call("team/leave").param("tid", tid).param("accid", "l-bob").ok();
    assertEquals(List.of("l-owner", "l-carol"), members(tid));
    assertEquals(804, code(call("team/leave").param("tid", tid).param("accid", "l-bob").send()));
    assertEquals(802, code(call("team/leave").param("tid", tid).param("accid", "l-owner").send()));

    assertEquals(802, code(call("team/remove").param("tid", tid).param("owner", "l-carol").send()));
    call("team/remove").param("tid", tid).param("owner", "l-owner").ok();
    assertEquals(803, code(call("team/queryDetail").param("tid", tid).send()));
    assertEquals(0, call("team/joinTeams").param("accid", "l-carol").ok().path("count").asInt());
  }

  @Test
  @DisplayName("team/muteTlist: a muted member's team messages are refused (802) until the mute is lifted; "
      + "queryDetail shows the mute; a normal member may not mute")
  void muteOne() throws Exception {
    accounts("m-owner", "m-bob", "m-carol");
    String tid = team("m-owner", "m-bob", "m-carol");
    teamMsg("m-bob", tid, "before").ok();
    assertEquals(802, code(call("team/muteTlist").param("tid", tid).param("owner", "m-carol").param("accid", "m-bob")
        .param("mute", "1").send()));
    call("team/muteTlist").param("tid", tid).param("owner", "m-owner").param("accid", "m-bob").param("mute", "1").ok();
    assertEquals(802, code(teamMsg("m-bob", tid, "muted").send()));
    JsonNode bob = detail(tid).path("members").get(0);
    assertEquals("m-bob", bob.path("accid").asText());
    assertTrue(bob.path("mute").asBoolean());

    call("team/muteTlist").param("tid", tid).param("owner", "m-owner").param("accid", "m-bob").param("mute", "0").ok();
    teamMsg("m-bob", tid, "after").ok();
    assertFalse(detail(tid).path("members").get(0).path("mute").asBoolean());
    assertEquals(804, code(call("team/muteTlist").param("tid", tid).param("owner", "m-owner")
        .param("accid", "m-ghost").param("mute", "1").send()));
  }

  @Test
  @DisplayName("team/muteTlistAll: mute true and muteType 1 silence normal members only, muteType 3 the owner too, "
      + "muteType 0 lifts it; a bad muteType is 414")
  void muteAll() throws Exception {
    accounts("ma-owner", "ma-mgr", "ma-bob");
    String tid = team("ma-owner", "ma-mgr", "ma-bob");
    call("team/addManager").param("tid", tid).param("owner", "ma-owner").param("members", json("ma-mgr")).ok();
    NeteaseRestCall all = call("team/muteTlistAll").param("tid", tid).param("owner", "ma-owner");

    all.param("mute", "true").ok();
    assertEquals(1, detail(tid).path("muteType").asInt());
    assertEquals(802, code(teamMsg("ma-bob", tid, "x").send()));
    teamMsg("ma-mgr", tid, "managers may").ok();
    teamMsg("ma-owner", tid, "the owner may").ok();

    call("team/muteTlistAll").param("tid", tid).param("owner", "ma-owner").param("muteType", "3").ok();
    assertEquals(3, detail(tid).path("muteType").asInt());
    assertTrue(detail(tid).path("mute").asBoolean());
    assertEquals(802, code(teamMsg("ma-owner", tid, "x").send()));

    call("team/muteTlistAll").param("tid", tid).param("owner", "ma-owner").param("muteType", "0").ok();
    teamMsg("ma-bob", tid, "free again").ok();
    assertEquals(414, code(call("team/muteTlistAll").param("tid", tid).param("owner", "ma-owner")
        .param("muteType", "2").send()));
    assertEquals(414, code(call("team/muteTlistAll").param("tid", tid).param("owner", "ma-owner").send()));
    assertEquals(802, code(call("team/muteTlistAll").param("tid", tid).param("owner", "ma-bob")
        .param("mute", "true").send()));
  }

  @Test
  @DisplayName("team/changeOwner: leave 2 keeps the old owner as a member, leave 1 takes it out; only the owner may "
      + "(802), and to a member only (804)")
  void changeOwner() throws Exception {
    accounts("o-owner", "o-bob", "o-carol");
    String tid = team("o-owner", "o-bob", "o-carol");
    NeteaseRestCall byBob = call("team/changeOwner").param("tid", tid).param("owner", "o-bob")
        .param("newowner", "o-carol").param("leave", "2");
    assertEquals(802, code(byBob.send()));
    assertEquals(804, code(call("team/changeOwner").param("tid", tid).param("owner", "o-owner")
        .param("newowner", "o-ghost").param("leave", "2").send()));

    call("team/changeOwner").param("tid", tid).param("owner", "o-owner").param("newowner", "o-bob")
        .param("leave", "2").ok();
    JsonNode t = detail(tid);
    assertEquals("o-bob", t.path("owner").path("accid").asText());
    assertTrue(members(tid).contains("o-owner"));

    call("team/changeOwner").param("tid", tid).param("owner", "o-bob").param("newowner", "o-carol")
        .param("leave", "1").ok();
    assertEquals(List.of("o-carol", "o-owner"), members(tid));
    assertEquals(414, code(call("team/changeOwner").param("tid", tid).param("owner", "o-carol")
        .param("newowner", "o-owner").param("leave", "3").send()));
  }

  @Test
  @DisplayName("team/addManager and removeManager: the owner's alone (802); a manager is listed as an admin of type "
      + "2 until removed; a non-member cannot become one (804)")
  void managers() throws Exception {
    accounts("g-owner", "g-bob", "g-carol");
    String tid = team("g-owner", "g-bob", "g-carol");
    assertEquals(802, code(call("team/addManager").param("tid", tid).param("owner", "g-bob")
        .param("members", json("g-carol")).send()));
    call("team/addManager").param("tid", tid).param("owner", "g-owner").param("members", json("g-bob")).ok();
    JsonNode admins = detail(tid).path("admins");
    assertEquals(1, admins.size());
    assertEquals("g-bob", admins.get(0).path("accid").asText());
    assertEquals(2, admins.get(0).path("type").asInt());
    assertEquals("[\"g-bob\"]", call("team/query").param("tids", json(tid)).param("ope", "1").ok()
        .path("tinfos").get(0).path("admins").toString());

    call("team/removeManager").param("tid", tid).param("owner", "g-owner").param("members", json("g-bob")).ok();
    assertEquals(0, detail(tid).path("admins").size());
    assertEquals(804, code(call("team/addManager").param("tid", tid).param("owner", "g-owner")
        .param("members", json("g-ghost")).send()));
  }

  @Test
  @DisplayName("msg/sendMsg ope 1: a member's team message reaches the other members' clients under the answered "
      + "msgid; a non-member is 804, an unknown team 803")
  void teamMessage() throws Exception {
    accounts("s-owner", "s-out");
    Recorder bobRec = new Recorder();
    try (ParleyClient bob = online("s-bob", bobRec)) {
      String tid = team("s-owner", "s-bob");
      JsonNode answer = teamMsg("s-owner", tid, "hello team").param("ext", "{\"e\":1}").ok();
      long msgid = answer.path("data").path("msgid").asLong();
      assertTrue(answer.path("data").path("timetag").asLong() > 0);
      await().atMost(WAIT).until(() -> bobRec.inGroup(tid).size() == 1);
      assertEquals(msgid, bobRec.inGroup(tid).get(0).serverMsgId());
      assertEquals("hello team", bobRec.inGroup(tid).get(0).elements().get(0).getText().getText());
      assertEquals("s-owner", bobRec.inGroup(tid).get(0).fromUserId());

      assertEquals(804, code(teamMsg("s-out", tid, "let me talk").send()));
      assertEquals(803, code(teamMsg("s-owner", "424242", "nobody").send()));
    }
  }
  static NeteaseRestCall teamHistory(String tid, String accid, int limit, int reverse) {
    return call("history/queryTeamMsg").param("tid", tid).param("accid", accid).param("begintime", "0")
        .param("endtime", Long.toString(System.currentTimeMillis() + 60_000)).param("limit", Integer.toString(limit))
        .param("reverse", Integer.toString(reverse));
  }

  @Test
  @DisplayName("history/queryTeamMsg: a member reads the team's messages newest or oldest first, up to limit, without "
      + "the team's notifications; a non-member is 804, begin after end 414")
  void teamHistory() throws Exception {
    accounts("h-owner", "h-bob", "h-out");
    String tid = team("h-owner", "h-bob");
    List<Long> sent = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      sent.add(teamMsg(i == 2 ? "h-bob" : "h-owner", tid, "m" + i).param("ext", "e" + i).ok()
          .path("data").path("msgid").asLong());
    }
    call("team/update").param("tid", tid).param("owner", "h-owner").param("tname", "tip in between").ok();

    JsonNode newest = teamHistory(tid, "h-bob", 2, 2).ok();
    assertEquals(2, newest.path("size").asInt());
    assertEquals(sent.get(2), newest.path("msgs").get(0).path("msgid").asLong());
    assertEquals(sent.get(1), newest.path("msgs").get(1).path("msgid").asLong());
    assertEquals("h-bob", newest.path("msgs").get(1).path("from").asText());
    assertEquals("m2", newest.path("msgs").get(1).path("body").path("msg").asText());
    assertEquals("e2", newest.path("msgs").get(1).path("ext").asText());
    assertEquals(0, newest.path("msgs").get(1).path("type").asInt());

    JsonNode oldest = teamHistory(tid, "h-owner", 2, 1).ok();
    assertEquals(List.of(sent.get(0), sent.get(1)), List.of(oldest.path("msgs").get(0).path("msgid").asLong(),
        oldest.path("msgs").get(1).path("msgid").asLong()));
    assertEquals(3, teamHistory(tid, "h-owner", 100, 2).ok().path("size").asInt());

    assertEquals(804, code(teamHistory(tid, "h-out", 10, 2).send()));
    assertEquals(414, code(call("history/queryTeamMsg").param("tid", tid).param("accid", "h-bob")
        .param("begintime", "1000").param("endtime", "999").param("limit", "10").send()));
  }
}
