package io.parley.server.vendor.yuntongxun;

import static io.parley.server.vendor.yuntongxun.YuntongxunRestCall.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.support.ServerExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Yuntongxun group REST, called as the sub-account (the classic IM group API's shape)")
class YuntongxunGroupRestTest {
  private static final AtomicInteger NAMES = new AtomicInteger();

  @RegisterExtension static final ServerExtension running = new ServerExtension();

  static JsonNode subAccount() throws Exception {
    JsonNode answer = YuntongxunRestCall.to(running.server().httpPort(), "SubAccounts")
        .send(body("friendlyName", "group-user-" + NAMES.incrementAndGet()));
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer.path("SubAccount");
  }

  static String voip(JsonNode sub) {
    return sub.path("voipAccount").asText();
  }

  static YuntongxunGroupCall call(JsonNode sub, String function) {
    return YuntongxunGroupCall.as(running.server().httpPort(), sub, function);
  }

  static JsonNode ok(JsonNode sub, String function, String... pairs) throws Exception {
    JsonNode answer = call(sub, function).send(pairs);
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer;
  }

  static JsonNode okJson(JsonNode sub, String function, String json) throws Exception {
    JsonNode answer = call(sub, function).send(json);
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    return answer;
  }

  static void refused(String code, JsonNode answer) {
    assertEquals(code, answer.path("statusCode").asText(), answer.toString());
    assertFalse(answer.path("statusMsg").asText().isEmpty(), "a refusal says why: " + answer);
  }

  static String group(JsonNode owner, String permission) throws Exception {
    return ok(owner, "Group/CreateGroup", "name", "team", "type", "2", "permission", permission,
        "declared", "welcome").path("groupId").asText();
  }

  static List<String> members(JsonNode asker, String groupId) throws Exception {
    List<String> out = new ArrayList<>();
    ok(asker, "Member/QueryMember", "groupId", groupId).path("members")
        .forEach(m -> out.add(m.path("member").asText()));
    return out;
  }

  static JsonNode member(JsonNode asker, String groupId, String voipAccount) throws Exception {
    for (JsonNode m : ok(asker, "Member/QueryMember", "groupId", groupId).path("members")) {
      if (m.path("member").asText().equals(voipAccount)) {
        return m;
      }
    }
    throw new AssertionError(voipAccount + " is not a member of " + groupId);
  }

  static String invite(JsonNode inviter, String groupId, JsonNode... invitees) throws Exception {
    ObjectNode b = YuntongxunGroupCall.fields("groupId", groupId, "confirm", "1");
    for (JsonNode i : invitees) {
      b.withArray("members").add(voip(i));
    }
    return b.toString();
  }

  @Test
  @DisplayName("CreateGroup makes the caller the owner; QueryGroupDetail, QueryGroup and QueryMember read it back")
  void createAndRead() throws Exception {
    JsonNode alice = subAccount();
    String id = group(alice, "0");
    assertTrue(id.matches("g\\d{10}"), id);

    JsonNode d = ok(alice, "Group/QueryGroupDetail", "groupId", id);
    assertEquals("team", d.path("name").asText());
    assertEquals(voip(alice), d.path("owner").asText());
    assertEquals("1", d.path("count").asText());
    assertEquals("0", d.path("permission").asText());
    assertEquals("welcome", d.path("declared").asText());
    assertEquals("2", d.path("type").asText());
    assertTrue(d.path("dateCreated").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), d.toString());

    JsonNode mine = ok(alice, "Group/QueryGroup");
    assertEquals("1", mine.path("count").asText());
    assertEquals(id, mine.path("groups").get(0).path("groupId").asText());
    JsonNode owner = member(alice, id, voip(alice));
    assertEquals("1", owner.path("role").asText());
    assertEquals("0", owner.path("isBan").asText());
    assertEquals("1", owner.path("isNotice").asText());
  }

  @Test
  @DisplayName("a public group (permission 0) is joined directly")
  void publicJoin() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    String id = group(alice, "0");
    assertEquals("1", ok(bob, "Group/JoinGroup", "groupId", id, "declared", "hi").path("joined").asText());
    assertEquals(List.of(voip(alice), voip(bob)).stream().sorted().toList(),
        members(alice, id).stream().sorted().toList());
    assertEquals("3", member(bob, id, voip(bob)).path("role").asText());
    refused("590012", call(bob, "Group/JoinGroup").send("groupId", id));
  }

  @Test
  @DisplayName("joining a private group (permission 1) waits until the owner agrees with AskJoin; a refused asker stays out")
  void privateJoinNeedsApproval() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    JsonNode carol = subAccount();
    String id = group(alice, "1");
    assertEquals("1", ok(alice, "Group/QueryGroupDetail", "groupId", id).path("permission").asText());

    assertEquals("0", ok(bob, "Group/JoinGroup", "groupId", id, "declared", "let me in").path("joined").asText());
    assertFalse(members(alice, id).contains(voip(bob)), "pending: not a member yet");
    refused("590013", call(bob, "Member/QueryMember").send("groupId", id));
    refused("590013", call(carol, "Member/AskJoin").send("groupId", id, "asker", voip(bob), "confirm", "0"));
    JsonNode dave = subAccount();
    okJson(alice, "Group/InviteJoinGroup", invite(alice, id, dave));
    refused("590014", call(dave, "Member/AskJoin").send("groupId", id, "asker", voip(bob), "confirm", "0"));

    ok(alice, "Member/AskJoin", "groupId", id, "asker", voip(bob), "confirm", "0");
    assertTrue(members(alice, id).contains(voip(bob)));

    assertEquals("0", ok(carol, "Group/JoinGroup", "groupId", id).path("joined").asText());
    ok(alice, "Member/AskJoin", "groupId", id, "asker", voip(carol), "confirm", "1");
    assertFalse(members(alice, id).contains(voip(carol)));
    refused("590019", call(alice, "Member/AskJoin").send("groupId", id, "asker", voip(carol), "confirm", "0"));
  }

  @Test
  @DisplayName("InviteJoinGroup with confirm 1 brings the invitees in directly, and answers each one")
  void invite() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    JsonNode carol = subAccount();
    String id = group(alice, "1");
    JsonNode answer = call(alice, "Group/InviteJoinGroup").send(invite(alice, id, bob, carol));
    assertEquals("000000", answer.path("statusCode").asText(), answer.toString());
    assertEquals(2, answer.path("members").size());
    answer.path("members").forEach(m -> assertEquals("000000", m.path("statusCode").asText(), m.toString()));
    assertEquals("3", ok(alice, "Group/QueryGroupDetail", "groupId", id).path("count").asText());

    refused("590012", call(alice, "Group/InviteJoinGroup").send(invite(alice, id, bob)));
    ObjectNode consent = (ObjectNode) YuntongxunRestCall.JSON.readTree(invite(alice, id, subAccount()));
    refused("110141", call(alice, "Group/InviteJoinGroup").send(consent.put("confirm", "0").toString()));
    refused("110141", call(alice, "Group/InviteJoinGroup").send("groupId", id));
  }

  @Test
  @DisplayName("LogoutGroup lets a member leave; the owner cannot leave its own group")
  void quit() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    String id = group(alice, "0");
    ok(bob, "Group/JoinGroup", "groupId", id);
    ok(bob, "Group/LogoutGroup", "groupId", id);
    assertEquals(List.of(voip(alice)), members(alice, id));
    assertEquals("0", ok(bob, "Group/QueryGroup").path("count").asText());
    refused("590013", call(bob, "Group/LogoutGroup").send("groupId", id));
    refused("590015", call(alice, "Group/LogoutGroup").send("groupId", id));
  }

  @Test
  @DisplayName("DeleteGroup dismisses the group for its owner only")
  void dismiss() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    String id = group(alice, "0");
    ok(bob, "Group/JoinGroup", "groupId", id);
    refused("590014", call(bob, "Group/DeleteGroup").send("groupId", id));
    ok(alice, "Group/DeleteGroup", "groupId", id);
    refused("590010", call(alice, "Group/QueryGroupDetail").send("groupId", id));
    assertEquals("0", ok(bob, "Group/QueryGroup").path("count").asText());
    refused("590010", call(alice, "Group/DeleteGroup").send("groupId", id));
  }

  @Test
  @DisplayName("DeleteGroupMember removes members for the owner only")
  void kick() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    JsonNode carol = subAccount();
    String id = group(alice, "0");
    okJson(alice, "Group/InviteJoinGroup", invite(alice, id, bob, carol));
    String kickCarol = "{\"groupId\": \"" + id + "\", \"members\": [\"" + voip(carol) + "\"]}";
    refused("590014", call(bob, "Member/DeleteGroupMember").send(kickCarol));
    okJson(alice, "Member/DeleteGroupMember", "{\"groupId\": \"" + id + "\", \"members\": \"" + voip(bob) + "\"}");
    assertEquals(List.of(voip(alice), voip(carol)).stream().sorted().toList(),
        members(alice, id).stream().sorted().toList());
    refused("590013", call(bob, "Member/QueryMember").send("groupId", id));
    refused("590013", call(alice, "Member/DeleteGroupMember").send("{\"groupId\": \"" + id + "\", \"members\": [\""
        + voip(bob) + "\"]}"));
    refused("590014", call(alice, "Member/DeleteGroupMember").send("{\"groupId\": \"" + id + "\", \"members\": [\""
        + voip(alice) + "\"]}"));
  }

  @Test
  @DisplayName("ModifyGroup changes name, announcement and type for the owner; the permission is fixed at creation")
  void modify() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    String id = group(alice, "0");
    ok(bob, "Group/JoinGroup", "groupId", id);
    ok(alice, "Group/ModifyGroup", "groupId", id, "name", "renamed", "declared", "new rules", "type", "5",
        "permission", "0");
    JsonNode d = ok(bob, "Group/QueryGroupDetail", "groupId", id);
    assertEquals("renamed", d.path("name").asText());
    assertEquals("new rules", d.path("declared").asText());
    assertEquals("5", d.path("type").asText());
    refused("590014", call(bob, "Group/ModifyGroup").send("groupId", id, "name", "mine"));
    refused("110141", call(alice, "Group/ModifyGroup").send("groupId", id, "permission", "1"));
    assertEquals("renamed", ok(bob, "Group/QueryGroupDetail", "groupId", id).path("name").asText());
  }

  @Test
  @DisplayName("SetGroupMsg sets the caller's own do-not-disturb (isNotice 2) and lifts it (isNotice 1)")
  void doNotDisturb() throws Exception {
    JsonNode alice = subAccount();
    JsonNode bob = subAccount();
    String id = group(alice, "0");
    ok(bob, "Group/JoinGroup", "groupId", id);
    ok(bob, "Member/SetGroupMsg", "groupId", id, "isNotice", "2");
    assertEquals("2", member(alice, id, voip(bob)).path("isNotice").asText());
    assertEquals("1", member(alice, id, voip(alice)).path("isNotice").asText(), "only the caller's own");
    ok(bob, "Member/SetGroupMsg", "groupId", id, "isNotice", "1");
    assertEquals("1", member(alice, id, voip(bob)).path("isNotice").asText());
    refused("110141", call(bob, "Member/SetGroupMsg").send("groupId", id, "isNotice", "0"));
    refused("590013", call(subAccount(), "Member/SetGroupMsg").send("groupId", id, "isNotice", "2"));
  }

  @Test
  @DisplayName("a call not signed with the sub-account's own token, sid and time is refused with the vendor's codes")
  void signing() throws Exception {
    JsonNode alice = subAccount();
    refused("110010", call(alice, "Group/QueryGroup").token("0".repeat(32)).send("{}"));
    refused("110015", call(alice, "Group/QueryGroup").sid("a".repeat(32)).send("{}"));
    refused("111107", call(alice, "Group/QueryGroup").headerSid("b".repeat(32)).send("{}"));
    refused("111106", call(alice, "Group/QueryGroup").at(Instant.now().minusSeconds(3600)).send("{}"));
    refused("111108", call(alice, "Group/QueryGroup").sig("").send("{}"));
    refused("111100", call(alice, "Group/NoSuchFunction").send("{}"));
    refused("111100", call(alice, "CreateGroup").send("{}"));

    JsonNode closed = subAccount();
    assertEquals("000000", YuntongxunRestCall.to(running.server().httpPort(), "CloseSubAccount")
        .send(body("subAccountSid", closed.path("subAccountSid").asText())).path("statusCode").asText());
    refused("110015", call(closed, "Group/QueryGroup").send("{}"));
  }

  @Test
  @DisplayName("bad fields and unknown groups are refused with the vendor's codes")
  void badRequests() throws Exception {
    JsonNode alice = subAccount();
    refused("110141", call(alice, "Group/CreateGroup").send("permission", "0"));
    refused("110141", call(alice, "Group/CreateGroup").send("name", "x", "permission", "2"));
    refused("110141", call(alice, "Group/QueryGroupDetail").send("{}"));
    refused("110141", call(alice, "Group/QueryGroupDetail").send("{\"groupId\": 7}"));
    refused("110141", call(alice, "Group/QueryGroupDetail").send("[]"));
    refused("590010", call(alice, "Group/QueryGroupDetail").send("groupId", "g0000000000"));
    refused("590010", call(alice, "Group/JoinGroup").send("groupId", "g0000000000"));
    String id = group(alice, "0");
    refused("110141", call(alice, "Member/ForbidSpeak").send("groupId", id, "member", voip(alice), "operation", "2"));
    refused("110141", call(alice, "Member/AskJoin").send("groupId", id, "asker", voip(alice), "confirm", "yes"));
  }
}
