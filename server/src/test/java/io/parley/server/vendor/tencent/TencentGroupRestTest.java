package io.parley.server.vendor.tencent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tencent's group REST commands by hand (raw JSON over HTTP): the refusals with their codes, and the shapes the doocs
 * SDK cannot show (per-item ErrorCode, both MsgSeq spellings, filters, member pages by Next).
 */
@DisplayName("Tencent group REST commands, raw: refusals and shapes")
class TencentGroupRestTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static JsonNode rest(String command, Object... pairs) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      body.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
    }
    return TencentRestCall.to(running.server().httpPort(), "group_open_http_svc/" + command).send(body.toString());
  }

  private static JsonNode ok(String command, Object... pairs) throws Exception {
    JsonNode answer = rest(command, pairs);
    assertEquals("OK", answer.path("ActionStatus").asText(), answer.toString());
    assertEquals(0, answer.path("ErrorCode").asInt());
    return answer;
  }

  private static void fails(int code, String command, Object... pairs) throws Exception {
    JsonNode answer = rest(command, pairs);
    assertEquals("FAIL", answer.path("ActionStatus").asText(), answer.toString());
    assertEquals(code, answer.path("ErrorCode").asInt(), answer.toString());
    assertFalse(answer.path("ErrorInfo").asText().isEmpty(), "a refusal says why: " + answer);
  }

  private static List<Object> accounts(String... users) {
    return List.of(users).stream().<Object>map(u -> Map.of("Member_Account", u)).toList();
  }

  private static List<Object> text(String t) {
    return List.of(Map.of("MsgType", "TIMTextElem", "MsgContent", Map.of("Text", t)));
  }

  private static void group(String id, String type, String owner, String... members) throws Exception {
    ok("create_group", "Type", type, "GroupId", id, "Owner_Account", owner, "Name", "n " + id,
        "MemberList", accounts(members));
  }

  @Test
  @DisplayName("get_group_info answers each id in order; a missing group is an item with its own ErrorCode 10010 "
      + "inside an OK answer")
  void infoPerItemError() throws Exception {
    group("raw-info", "Public", "raw-owner");
    JsonNode answer = ok("get_group_info", "GroupIdList", List.of("raw-missing", "raw-info"));
    JsonNode missing = answer.path("GroupInfo").path(0);
    assertEquals("raw-missing", missing.path("GroupId").asText());
    assertEquals(10010, missing.path("ErrorCode").asInt());
    JsonNode found = answer.path("GroupInfo").path(1);
    assertEquals(0, found.path("ErrorCode").asInt());
    assertEquals("Public", found.path("Type").asText());
    assertEquals(1, found.path("NextMsgSeq").asLong(), "no messages yet: " + found);
  }

  @Test
  @DisplayName("a ResponseFilter narrows get_group_info: only the GroupBaseInfoFilter fields, and members only "
      + "with a MemberInfoFilter")
  void infoFilter() throws Exception {
    group("raw-filter", "Public", "raw-owner", "raw-f1");
    JsonNode base = ok("get_group_info", "GroupIdList", List.of("raw-filter"), "ResponseFilter",
        Map.of("GroupBaseInfoFilter", List.of("Name", "MemberNum"))).path("GroupInfo").path(0);
    assertEquals("n raw-filter", base.path("Name").asText());
    assertEquals(2, base.path("MemberNum").asInt());
    assertTrue(base.path("Type").isMissingNode() && base.path("MemberList").isMissingNode(), base.toString());

    JsonNode members = ok("get_group_info", "GroupIdList", List.of("raw-filter"), "ResponseFilter",
        Map.of("GroupBaseInfoFilter", List.of("Name"), "MemberInfoFilter", List.of("Role"))).path("GroupInfo").path(0);
    assertEquals(2, members.path("MemberList").size(), members.toString());
    JsonNode m = members.path("MemberList").path(0);
    assertTrue(m.has("Member_Account") && m.has("Role") && !m.has("JoinTime"), m.toString());
  }

  @Test
  @DisplayName("send_group_msg answers MsgSeq and doocs 0.3.43's msgSeq alike; the lower-case cloudCustomData is "
      + "taken; a retry with the same Random is answered as the first")
  void sendShapes() throws Exception {
    group("raw-send", "Public", "raw-owner", "raw-reader");
    Recorder reader = new Recorder();
    try (ParleyClient c = Clients.tcp(running.server(), "raw-reader", reader).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
      JsonNode first = ok("send_group_msg", "GroupId", "raw-send", "From_Account", "raw-owner", "Random", 99,
          "MsgBody", text("hi"), "cloudCustomData", "ccd-lower");
      assertTrue(first.path("MsgSeq").asLong() > 0, first.toString());
      assertEquals(first.path("MsgSeq").asLong(), first.path("msgSeq").asLong());

      JsonNode retry = ok("send_group_msg", "GroupId", "raw-send", "From_Account", "raw-owner", "Random", 99,
          "MsgBody", text("hi"), "cloudCustomData", "ccd-lower");
      assertEquals(first.path("MsgSeq").asLong(), retry.path("MsgSeq").asLong());

      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.inGroup("raw-send").size() == 1);
      assertEquals("ccd-lower", reader.inGroup("raw-send").get(0).cloudCustomData());
      JsonNode after = ok("send_group_msg", "GroupId", "raw-send", "From_Account", "raw-owner", "Random", 100,
          "MsgBody", text("second"));
      assertEquals(first.path("MsgSeq").asLong() + 1, after.path("MsgSeq").asLong(), "the retry stored nothing");
      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.inGroup("raw-send").size() == 2);
    }
  }

  @Test
  @DisplayName("get_group_member_info pages by Limit and Next: each member once, Next empty on the last page")
  void memberPages() throws Exception {
    group("raw-pages", "Public", "raw-p0", "raw-p1", "raw-p2", "raw-p3", "raw-p4");
    List<String> seen = new ArrayList<>();
    String next = "";
    for (int page = 0; page < 10; page++) {
      JsonNode answer = ok("get_group_member_info", "GroupId", "raw-pages", "Limit", 2, "Next", next);
      assertEquals(5, answer.path("MemberNum").asInt());
      answer.path("MemberList").forEach(m -> seen.add(m.path("Member_Account").asText()));
      next = answer.path("Next").asText();
      if (next.isEmpty()) {
        break;
      }
      assertEquals(2, answer.path("MemberList").size(), answer.toString());
    }
    assertEquals(List.of("raw-p0", "raw-p1", "raw-p2", "raw-p3", "raw-p4"), seen);
  }

  @ParameterizedTest(name = "GroupId \"{0}\" is refused with {1}")
  @CsvSource({
      "@TGS#mine, 10015",
      "this-id-is-far-too-long-for-tencent-group-ids-49b, 10015",
      "'has space', 10015"})
  @DisplayName("create_group refuses ids the vendor does not take")
  void badGroupIds(String id, int code) throws Exception {
    fails(code, "create_group", "Type", "Public", "GroupId", id, "Owner_Account", "raw-owner", "Name", "x");
  }

  @Test
  @DisplayName("create_group refuses an unknown Type, an empty or too long Name, and too large a MaxMemberCount "
      + "with 10004; a used GroupId with 10021")
  void badCreates() throws Exception {
    fails(10004, "create_group", "Type", "Bogus", "Owner_Account", "raw-owner", "Name", "x");
    fails(10004, "create_group", "Type", "Public", "Owner_Account", "raw-owner", "Name", "");
    fails(10004, "create_group", "Type", "Public", "Owner_Account", "raw-owner", "Name", "x".repeat(31));
    fails(10004, "create_group", "Type", "Work", "Owner_Account", "raw-owner", "Name", "x", "MaxMemberCount", 100000);
    group("raw-taken", "Public", "raw-owner");
    fails(10021, "create_group", "Type", "Public", "GroupId", "raw-taken", "Owner_Account", "raw-owner", "Name", "x");
  }

  @Test
  @DisplayName("commands on a group that does not exist are refused with 10010")
  void missingGroup() throws Exception {
    fails(10010, "add_group_member", "GroupId", "raw-nowhere", "MemberList", accounts("raw-a"));
    fails(10010, "delete_group_member", "GroupId", "raw-nowhere", "MemberToDel_Account", List.of("raw-a"));
    fails(10010, "destroy_group", "GroupId", "raw-nowhere");
    fails(10010, "modify_group_base_info", "GroupId", "raw-nowhere", "Name", "x");
    fails(10010, "send_group_msg", "GroupId", "raw-nowhere", "Random", 1, "MsgBody", text("x"));
    fails(10010, "get_group_member_info", "GroupId", "raw-nowhere");
    fails(10010, "group_msg_recall", "GroupId", "raw-nowhere", "MsgSeqList", List.of(Map.of("MsgSeq", 1)));
    fails(10010, "import_group_msg", "GroupId", "raw-nowhere", "MsgList", List.of(Map.of("From_Account", "raw-a",
        "SendTime", 1_600_000_000, "Random", 1, "MsgBody", text("x"))));
  }

  @Test
  @DisplayName("a non-member's send and a transfer to a non-member are 10007; removing the owner is 10007")
  void permissions() throws Exception {
    group("raw-perm", "Public", "raw-owner", "raw-member");
    fails(10007, "send_group_msg", "GroupId", "raw-perm", "From_Account", "raw-stranger", "Random", 5,
        "MsgBody", text("let me in"));
    fails(10007, "change_group_owner", "GroupId", "raw-perm", "NewOwner_Account", "raw-stranger");
    fails(10007, "delete_group_member", "GroupId", "raw-perm", "MemberToDel_Account", List.of("raw-owner"));
  }

  @Test
  @DisplayName("forbid_send_msg refuses a MuteTime past 4294967295 or missing with 10004; MuteAllMember On silences "
      + "members with 10017")
  void mutes() throws Exception {
    group("raw-mute", "Public", "raw-owner", "raw-m");
    fails(10004, "forbid_send_msg", "GroupId", "raw-mute", "Members_Account", List.of("raw-m"), "MuteTime",
        4_294_967_296L);
    fails(10004, "forbid_send_msg", "GroupId", "raw-mute", "Members_Account", List.of("raw-m"));
    ok("forbid_send_msg", "GroupId", "raw-mute", "Members_Account", List.of("raw-m"), "MuteTime", 4_294_967_295L);
    long until = ok("get_group_muted_account", "GroupId", "raw-mute").path("MutedAccountList").path(0)
        .path("MutedUntil").asLong();
    assertTrue(until > System.currentTimeMillis() / 1000 + 4_000_000_000L, "muted for good: " + until);

    group("raw-muteall", "Public", "raw-owner", "raw-m");
    ok("modify_group_base_info", "GroupId", "raw-muteall", "MuteAllMember", "On");
    fails(10017, "send_group_msg", "GroupId", "raw-muteall", "From_Account", "raw-m", "Random", 3,
        "MsgBody", text("hello?"));
  }

  @Test
  @DisplayName("send_group_msg without Random, or with an empty MsgBody, is 10004; modify with MaxMemberNum is 10004")
  void badSends() throws Exception {
    group("raw-bad", "Public", "raw-owner");
    fails(10004, "send_group_msg", "GroupId", "raw-bad", "From_Account", "raw-owner", "MsgBody", text("x"));
    fails(10004, "send_group_msg", "GroupId", "raw-bad", "From_Account", "raw-owner", "Random", 1,
        "MsgBody", List.of());
    fails(10004, "modify_group_base_info", "GroupId", "raw-bad", "MaxMemberNum", 50);
  }

  @Test
  @DisplayName("import_group_msg into an AVChatRoom, which keeps no history, is 10007")
  void importIntoRoom() throws Exception {
    ok("create_group", "Type", "AVChatRoom", "GroupId", "raw-room", "Owner_Account", "raw-owner", "Name", "live");
    fails(10007, "import_group_msg", "GroupId", "raw-room", "MsgList", List.of(Map.of("From_Account", "raw-owner",
        "SendTime", 1_600_000_000, "Random", 1, "MsgBody", text("x"))));
  }

  @Test
  @DisplayName("a command group_open_http_svc does not have is 60004, naming the command")
  void unknownCommand() throws Exception {
    JsonNode answer = rest("no_such_command", "GroupId", "x");
    assertEquals(60004, answer.path("ErrorCode").asInt(), answer.toString());
    assertTrue(answer.path("ErrorInfo").asText().contains("no_such_command"), answer.toString());
  }
}
