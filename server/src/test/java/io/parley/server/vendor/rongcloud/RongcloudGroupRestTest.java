package io.parley.server.vendor.rongcloud;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The group paths by hand: the answers' wire shapes, every refusal, and what the vendor's SDK does not call. */
@DisplayName("Rongcloud group Server API calls by hand")
class RongcloudGroupRestTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  static RongcloudRestCall call(String path) {
    return RongcloudRestCall.to(running.server().httpPort(), path);
  }

  static void ok(RongcloudRestCall.Answer a) {
    assertEquals(200, a.status(), a.body().toString());
    assertEquals(200, a.code(), a.body().toString());
  }

  static void refused(int code, int status, String mentions, RongcloudRestCall.Answer a) {
    assertEquals(code, a.code(), a.body().toString());
    assertEquals(status, a.status(), a.body().toString());
    assertTrue(a.message().contains(mentions), "the message names " + mentions + ": " + a.message());
  }

  static void create(String groupId, String... users) throws Exception {
    RongcloudRestCall c = call("/group/create.json").form("groupId", groupId).form("groupName", "Name of " + groupId);
    for (String u : users) {
      c.form("userId", u);
    }
    ok(c.send());
  }

  static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }

  @Test
  @DisplayName("group/user/query answers users[{id}]; user/group/query answers groups[{id, name}]")
  void queryShapes() throws Exception {
    create("raw-q", "rq-a", "rq-b");
    RongcloudRestCall.Answer members = call("/group/user/query.json").form("groupId", "raw-q").send();
    ok(members);
    assertEquals(List.of("rq-a", "rq-b"), texts(members.body().path("users"), "id").stream().sorted().toList());
    RongcloudRestCall.Answer groups = call("/user/group/query.json").form("userId", "rq-a").send();
    ok(groups);
    assertEquals("raw-q", groups.body().path("groups").path(0).path("id").asText());
    assertEquals("Name of raw-q", groups.body().path("groups").path(0).path("name").asText());
    RongcloudRestCall.Answer none = call("/group/user/query.json").form("groupId", "raw-none").send();
    ok(none);
    assertEquals(0, none.body().path("users").size(), "a group that does not exist has no members");
  }

  @Test
  @DisplayName("a missing parameter is 1002 naming it, an empty body 1003, a too long id 1005, a bad id 1002")
  void missingParameters() throws Exception {
    refused(1002, 400, "groupId", call("/group/create.json").form("userId", "x").form("groupName", "n").send());
    refused(1002, 400, "userId", call("/group/join.json").form("groupId", "g").form("groupName", "n").send());
    refused(1002, 400, "groupName", call("/group/create.json").form("userId", "x").form("groupId", "g").send());
    refused(1002, 400, "groupId", call("/group/dismiss.json").form("userId", "x").send());
    refused(1002, 400, "userId", call("/group/dismiss.json").form("groupId", "g").send());
    refused(1002, 400, "groupName", call("/group/refresh.json").form("groupId", "g").send());
    refused(1002, 400, "groupId", call("/group/user/query.json").form("x", "y").send());
    refused(1002, 400, "userId", call("/user/group/query.json").form("x", "y").send());
    refused(1003, 400, "groupId", call("/group/user/query.json").send());
    refused(1005, 400, "groupId", call("/group/join.json").form("userId", "x").form("groupId", "g".repeat(65))
        .form("groupName", "n").send());
    refused(1005, 400, "groupName", call("/group/join.json").form("userId", "x").form("groupId", "g")
        .form("groupName", "n".repeat(65)).send());
    refused(1002, 400, "groupId", call("/group/join.json").form("userId", "x").form("groupId", "bad\u0001id")
        .form("groupName", "n").send());
  }

  @Test
  @DisplayName("refresh of a group that does not exist is refused (1002); quit and dismiss of one are no error")
  void unknownGroups() throws Exception {
    refused(1002, 400, "no such group", call("/group/refresh.json").form("groupId", "raw-ghost")
        .form("groupName", "n").send());
    ok(call("/group/quit.json").form("userId", "x").form("groupId", "raw-ghost").send());
    ok(call("/group/dismiss.json").form("userId", "x").form("groupId", "raw-ghost").send());
  }

  @Test
  @DisplayName("a group holds 3000 members at most: a join past that is refused (1002) and adds nobody")
  void memberLimit() throws Exception {
    for (int round = 0; round < 3; round++) {
      RongcloudRestCall c = call("/group/join.json").form("groupId", "raw-full").form("groupName", "Full");
      for (int i = 0; i < 1000; i++) {
        c.form("userId", "full-" + round + "-" + i);
      }
      ok(c.send());
    }
    refused(1002, 400, "full", call("/group/join.json").form("groupId", "raw-full").form("groupName", "Full")
        .form("userId", "one-too-many").send());
    RongcloudRestCall.Answer members = call("/group/user/query.json").form("groupId", "raw-full").send();
    assertEquals(3000, members.body().path("users").size());
  }

  @Test
  @DisplayName("group/sync takes group[<id>]=<name>; an empty name is 1002 naming the group")
  void syncForm() throws Exception {
    ok(call("/group/sync.json").form("userId", "sy-raw").form("group[raw-s1]", "One").form("group[raw-s2]", "Two")
        .send());
    RongcloudRestCall.Answer groups = call("/user/group/query.json").form("userId", "sy-raw").send();
    assertEquals(List.of("raw-s1", "raw-s2"), texts(groups.body().path("groups"), "id").stream().sorted().toList());
    refused(1002, 400, "group[raw-s3]", call("/group/sync.json").form("userId", "sy-raw").form("group[raw-s3]", "")
        .send());
    refused(1002, 400, "userId", call("/group/sync.json").form("group[raw-s3]", "x").send());
  }

  @Test
  @DisplayName("gag: minute is 1 to 43200; non-members and unknown groups are refused; list answers users[{time, userId}]")
  void gag() throws Exception {
    create("raw-gag", "rg-a", "rg-b");
    for (String minute : List.of("0", "43201", "ten", "")) {
      refused(1002, 400, "minute", call("/group/user/gag/add.json").form("userId", "rg-a").form("groupId", "raw-gag")
          .form("minute", minute).send());
    }
    refused(1002, 400, "rg-z", call("/group/user/gag/add.json").form("userId", "rg-a").form("userId", "rg-z")
        .form("groupId", "raw-gag").form("minute", "5").send());
    refused(1002, 400, "raw-nogroup", call("/group/user/gag/add.json").form("userId", "rg-a")
        .form("groupId", "raw-nogroup").form("minute", "5").send());
    RongcloudRestCall.Answer empty = call("/group/user/gag/list.json").form("groupId", "raw-gag").send();
    ok(empty);
    assertEquals(0, empty.body().path("users").size(), "the refused add muted nobody");

    ok(call("/group/user/gag/add.json").form("userId", "rg-a").form("groupId", "raw-gag").form("minute", "43200")
        .send());
    RongcloudRestCall.Answer list = call("/group/user/gag/list.json").form("groupId", "raw-gag").send();
    ok(list);
    assertEquals(List.of("rg-a"), texts(list.body().path("users"), "userId"));
    LocalDateTime until = LocalDateTime.parse(list.body().path("users").path(0).path("time").asText(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    LocalDateTime inBeijing = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
    assertTrue(until.isAfter(inBeijing.plusDays(29)) && until.isBefore(inBeijing.plusDays(31)),
        "30 days from now, Beijing time: " + until);
    ok(call("/group/user/gag/rollback.json").form("userId", "rg-a").form("userId", "rg-z").form("groupId", "raw-gag")
        .send());
    assertEquals(0, call("/group/user/gag/list.json").form("groupId", "raw-gag").send().body().path("users").size());
  }

  @Test
  @DisplayName("ban query answers groupinfo[{groupId, stat}]; unknown groups and a query naming none are 1002")
  void ban() throws Exception {
    create("raw-ban", "rb-a");
    ok(call("/group/ban/add.json").form("groupId", "raw-ban").send());
    RongcloudRestCall.Answer q = call("/group/ban/query.json").form("groupId", "raw-ban").send();
    ok(q);
    assertEquals("raw-ban", q.body().path("groupinfo").path(0).path("groupId").asText());
    assertEquals(1, q.body().path("groupinfo").path(0).path("stat").asInt());
    ok(call("/group/ban/rollback.json").form("groupId", "raw-ban").send());
    assertEquals(0, call("/group/ban/query.json").form("groupId", "raw-ban").send().body()
        .path("groupinfo").path(0).path("stat").asInt());
    refused(1002, 400, "raw-ban-ghost", call("/group/ban/add.json").form("groupId", "raw-ban")
        .form("groupId", "raw-ban-ghost").send());
    assertEquals(0, call("/group/ban/query.json").form("groupId", "raw-ban").send().body()
        .path("groupinfo").path(0).path("stat").asInt(), "a refused add bans no group");
    refused(1002, 400, "groupId", call("/group/ban/query.json").form("x", "y").send());
  }

  @Test
  @DisplayName("group publish answers messageUIDs[{groupId, messageUID}] and checks every group before sending")
  void publish() throws Exception {
    create("raw-pub", "rp-a");
    RongcloudRestCall.Answer a = call("/message/group/publish.json").form("fromUserId", "rp-admin")
        .form("toGroupId", "raw-pub").form("objectName", "RC:TxtMsg").form("content", "{\"content\":\"hi\"}")
        .form("isIncludeSender", "1").send();
    ok(a);
    JsonNode uid = a.body().path("messageUIDs").path(0);
    assertEquals("raw-pub", uid.path("groupId").asText());
    assertTrue(uid.path("messageUID").asText().matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), a.body().toString());

    refused(1002, 400, "raw-pub-ghost", call("/message/group/publish.json").form("fromUserId", "rp-admin")
        .form("toGroupId", "raw-pub").form("toGroupId", "raw-pub-ghost").form("objectName", "RC:TxtMsg")
        .form("content", "{\"content\":\"never\"}").send());
    Recorder inbox = new Recorder();
    String token = running.server().services().issuer()
        .issue(running.server().services().app(Sandbox.RONGCLOUD_APP_KEY), "rp-a", Duration.ZERO, false).credential();
    try (ParleyClient c = Clients.tcp(running.server(), "rp-a", inbox).appId(Sandbox.RONGCLOUD_APP_KEY)
        .credential(CredentialKind.RONGCLOUD_TOKEN, () -> token).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
      ok(call("/message/group/publish.json").form("fromUserId", "rp-admin").form("toGroupId", "raw-pub")
          .form("objectName", "RC:TxtMsg").form("content", "{\"content\":\"after\"}").send());
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.inGroup("raw-pub").size() == 2);
      assertEquals(List.of("hi", "after"), inbox.inGroup("raw-pub").stream()
          .map(m -> m.elements().get(0).getText().getText()).toList(), "the refused publish sent nothing");
    }
    refused(1002, 400, "toGroupId", call("/message/group/publish.json").form("fromUserId", "rp-admin")
        .form("toGroupId", "g1").form("toGroupId", "g2").form("toGroupId", "g3").form("toGroupId", "g4")
        .form("objectName", "RC:TxtMsg").form("content", "{\"content\":\"x\"}").send());
    refused(1002, 400, "toUserId", call("/message/group/publish.json").form("fromUserId", "rp-admin")
        .form("toGroupId", "raw-pub").form("toUserId", "rp-a").form("objectName", "RC:TxtMsg")
        .form("content", "{\"content\":\"x\"}").send());
    refused(1002, 400, "toGroupId", call("/message/group/publish.json").form("fromUserId", "rp-admin")
        .form("objectName", "RC:TxtMsg").form("content", "{\"content\":\"x\"}").send());
    refused(1002, 400, "content", call("/message/group/publish.json").form("fromUserId", "rp-admin")
        .form("toGroupId", "raw-pub").form("objectName", "RC:TxtMsg").form("content", "not json").send());
  }

  @Test
  @DisplayName("group paths are signed like the others: a wrong signature is 1004")
  void signed() throws Exception {
    refused(1004, 401, "", call("/group/create.json").form("userId", "x").form("groupId", "g")
        .form("groupName", "n").secret("wrong").send());
  }
}
