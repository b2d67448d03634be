package io.parley.server.vendor.tencent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.doocs.im.model.callback.AfterCreateGroupCallback;
import io.github.doocs.im.model.callback.AfterGroupDestroyedCallback;
import io.github.doocs.im.model.callback.AfterGroupInfoChangedCallback;
import io.github.doocs.im.model.callback.AfterMemberExitCallback;
import io.github.doocs.im.model.callback.AfterNewMemberJoinCallback;
import io.github.doocs.im.model.callback.AfterSendGroupMsgCallback;
import io.github.doocs.im.model.callback.BeforeApplyJoinGroupCallback;
import io.github.doocs.im.model.callback.BeforeCreateGroupCallback;
import io.github.doocs.im.model.callback.BeforeInviteJoinGroupCallback;
import io.github.doocs.im.model.callback.BeforeSendGroupMsgCallback;
import io.github.doocs.im.model.callback.MemberAccount;
import io.github.doocs.im.model.message.TIMTextMsgElement;
import io.parley.client.ParleyClient;
import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Phase;
import io.parley.server.config.Sandbox;
import io.parley.server.support.CallbackReceiver;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real server whose Tencent app has a callback URL: group REST calls and real clients' group operations reach the
 * app as Tencent's {@code Group.Callback*} commands, each body read with the doocs SDK's own callback model (a field it
 * does not know fails the test), and the app's Before answers decide.
 */
@DisplayName("Tencent group callbacks from a real server")
class TencentGroupCallbacksTest {
  static final ObjectMapper DOOCS = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String REFUSE = "{\"ActionStatus\":\"OK\",\"ErrorCode\":1,\"ErrorInfo\":\"not on our watch\"}";

  static final CallbackReceiver receiver = receiver();

  @RegisterExtension static final ServerExtension running = new ServerExtension(c -> c.withApps(List.of(
      withCallback(Sandbox.tencentApp()), Sandbox.rongcloudApp(), Sandbox.neteaseApp(), Sandbox.yuntongxunApp())));

  /**
   * The app: refuses groups named Forbidden and messages saying "blocked", rewrites "rewrite me", silently drops
   * "drop me", and refuses any invitation of cb-unwanted.
   */
  private static CallbackReceiver receiver() {
    try {
      return CallbackReceiver.start((r, n) -> {
        JsonNode b = r.json();
        String command = b.path("CallbackCommand").asText();
        if (command.equals("Group.CallbackBeforeCreateGroup") && b.path("Name").asText().equals("Forbidden")) {
          return new CallbackReceiver.Reply(200, REFUSE);
        }
        if (command.equals("Group.CallbackBeforeSendMsg")
            && b.path("MsgBody").path(0).path("MsgContent").path("Text").asText().equals("blocked")) {
          return new CallbackReceiver.Reply(200, REFUSE);
        }
        String text = b.path("MsgBody").path(0).path("MsgContent").path("Text").asText();
        if (command.equals("Group.CallbackBeforeSendMsg") && text.equals("rewrite me")) {
          return new CallbackReceiver.Reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\","
              + "\"MsgBody\":[{\"MsgType\":\"TIMTextElem\",\"MsgContent\":{\"Text\":\"rewritten\"}}]}");
        }
        if (command.equals("Group.CallbackBeforeSendMsg") && text.equals("drop me")) {
          return new CallbackReceiver.Reply(200, "{\"ActionStatus\":\"OK\",\"ErrorCode\":2,\"ErrorInfo\":\"\"}");
        }
        if (command.equals("Group.CallbackBeforeInviteJoinGroup")
            && b.path("DestinationMembers").toString().contains("\"cb-unwanted\"")) {
          return new CallbackReceiver.Reply(200,
              "{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"\",\"RefusedMembers_Account\":[\"cb-unwanted\"]}");
        }
        return CallbackReceiver.Reply.ok();
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static App withCallback(App app) {
    return new App(app.id(), app.vendor(), app.secrets(), app.limits(),
        new CallbackSettings(Optional.of(receiver.url()), Optional.empty()));
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

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
    return answer;
  }

  private static List<Object> accounts(String... users) {
    return List.of(users).stream().<Object>map(u -> java.util.Map.of("Member_Account", u)).toList();
  }

  /** The first callback of this command whose body matches, waiting for it; its URL must name the same command. */
  private static <T> T callback(String command, Predicate<JsonNode> which, Class<T> model) throws Exception {
    await().atMost(10, TimeUnit.SECONDS).until(() -> find(command, which).isPresent());
    CallbackReceiver.Received r = find(command, which).orElseThrow();
    assertEquals(command, r.query().get("CallbackCommand"));
    assertEquals(Sandbox.TENCENT_APP_ID, r.query().get("SdkAppid"));
    return DOOCS.readValue(r.body(), model);
  }

  private static Optional<CallbackReceiver.Received> find(String command, Predicate<JsonNode> which) {
    return receiver.all().stream().filter(r -> r.json().path("CallbackCommand").asText().equals(command)
        && which.test(r.json())).findFirst();
  }

  private static Predicate<JsonNode> group(String groupId) {
    return b -> b.path("GroupId").asText().equals(groupId);
  }

  private static List<String> names(List<MemberAccount> list) {
    return list.stream().map(MemberAccount::getMemberAccount).sorted().toList();
  }

  private static ParleyClient online(String user) throws Exception {
    ParleyClient client = Clients.tcp(running.server(), user, new Recorder()).build();
    client.connect().get(10, TimeUnit.SECONDS);
    return client;
  }

  @Test
  @DisplayName("create_group: Before (operator the REST admin, owner, type, name, members) then After (the GroupId)")
  void create() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-create", "Owner_Account", "cb-owner", "Name", "Made",
        "MemberList", accounts("cb-m1", "cb-m2"));

    BeforeCreateGroupCallback before = callback("Group.CallbackBeforeCreateGroup",
        b -> b.path("Name").asText().equals("Made"), BeforeCreateGroupCallback.class);
    assertEquals(Sandbox.TENCENT_ADMIN, before.getOperatorAccount());
    assertEquals("cb-owner", before.getOwnerAccount());
    assertEquals("Public", before.getType());
    assertTrue(names(before.getMemberList()).containsAll(List.of("cb-m1", "cb-m2")), before.toString());

    AfterCreateGroupCallback after = callback("Group.CallbackAfterCreateGroup", group("cb-create"),
        AfterCreateGroupCallback.class);
    assertEquals("cb-owner", after.getOwnerAccount());
    assertEquals("Made", after.getName());
    assertEquals(Sandbox.TENCENT_ADMIN, after.getOperatorAccount());
    assertTrue(names(after.getMemberList()).containsAll(List.of("cb-m1", "cb-m2")), after.toString());
    assertTrue(after.getEventTime() > 1_600_000_000_000L, "EventTime is in milliseconds");
  }

  @Test
  @DisplayName("a Before-create refusal fails create_group with 20006; no group is made and no After is sent")
  void createRefused() throws Exception {
    JsonNode answer = rest("create_group", "Type", "Public", "GroupId", "cb-refused", "Owner_Account", "cb-owner",
        "Name", "Forbidden");
    assertEquals("FAIL", answer.path("ActionStatus").asText(), answer.toString());
    assertEquals(20006, answer.path("ErrorCode").asInt());
    assertTrue(answer.path("ErrorInfo").asText().contains("not on our watch"), answer.toString());

    JsonNode info = ok("get_group_info", "GroupIdList", List.of("cb-refused"));
    assertEquals(10010, info.path("GroupInfo").path(0).path("ErrorCode").asInt(), info.toString());
    ok("create_group", "Type", "Public", "GroupId", "cb-after-refused", "Owner_Account", "cb-owner", "Name", "Fine");
    callback("Group.CallbackAfterCreateGroup", group("cb-after-refused"), AfterCreateGroupCallback.class);
    assertTrue(find("Group.CallbackAfterCreateGroup", group("cb-refused")).isEmpty(),
        "no After for the refused group, though a later group's After has come");
  }

  @Test
  @DisplayName("a client applies to a free group: Before-apply names the requestor, then AfterNewMemberJoin with "
      + "JoinType Apply")
  void apply() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-apply", "Owner_Account", "cb-owner", "Name", "Open",
        "ApplyJoinOption", "FreeAccess");
    try (ParleyClient c = online("cb-applicant")) {
      c.groups().apply("cb-apply", "let me in").get(20, TimeUnit.SECONDS);
    }
    BeforeApplyJoinGroupCallback before = callback("Group.CallbackBeforeApplyJoinGroup", group("cb-apply"),
        BeforeApplyJoinGroupCallback.class);
    assertEquals("cb-applicant", before.getRequestorAccount());
    assertEquals("Public", before.getType());

    AfterNewMemberJoinCallback joined = callback("Group.CallbackAfterNewMemberJoin", group("cb-apply"),
        AfterNewMemberJoinCallback.class);
    assertEquals("Apply", joined.getJoinType());
    assertEquals("cb-applicant", joined.getOperatorAccount());
    assertEquals(List.of("cb-applicant"), names(joined.getNewMemberList()));
  }

  @Test
  @DisplayName("add_group_member: Before-invite lists the invitees; those in RefusedMembers_Account get Result 0, "
      + "the rest join, and AfterNewMemberJoin (JoinType Invited) names only them")
  void inviteNarrowed() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-invite", "Owner_Account", "cb-owner", "Name", "Invites");
    JsonNode added = ok("add_group_member", "GroupId", "cb-invite", "MemberList",
        accounts("cb-welcome", "cb-unwanted"));
    JsonNode results = added.path("MemberList");
    for (JsonNode r : results) {
      int expected = r.path("Member_Account").asText().equals("cb-unwanted") ? 0 : 1;
      assertEquals(expected, r.path("Result").asInt(), added.toString());
    }
    assertEquals(2, results.size());

    BeforeInviteJoinGroupCallback before = callback("Group.CallbackBeforeInviteJoinGroup", group("cb-invite"),
        BeforeInviteJoinGroupCallback.class);
    assertEquals(List.of("cb-unwanted", "cb-welcome"), names(before.getDestinationMembers()));
    assertEquals(Sandbox.TENCENT_ADMIN, before.getOperatorAccount());

    AfterNewMemberJoinCallback joined = callback("Group.CallbackAfterNewMemberJoin", group("cb-invite"),
        AfterNewMemberJoinCallback.class);
    assertEquals("Invited", joined.getJoinType());
    assertEquals(List.of("cb-welcome"), names(joined.getNewMemberList()));
  }

  @Test
  @DisplayName("AfterMemberExit: ExitType Kicked for delete_group_member, Quit for a member who leaves")
  void exits() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-exit", "Owner_Account", "cb-owner", "Name", "Exits",
        "MemberList", accounts("cb-kicked", "cb-quitter"));
    ok("delete_group_member", "GroupId", "cb-exit", "MemberToDel_Account", List.of("cb-kicked"));
    AfterMemberExitCallback kicked = callback("Group.CallbackAfterMemberExit",
        group("cb-exit").and(b -> b.path("ExitType").asText().equals("Kicked")), AfterMemberExitCallback.class);
    assertEquals(List.of("cb-kicked"), names(kicked.getExitMemberList()));
    assertEquals(Sandbox.TENCENT_ADMIN, kicked.getOperatorAccount());

    try (ParleyClient c = online("cb-quitter")) {
      c.groups().quit("cb-exit").get(20, TimeUnit.SECONDS);
    }
    AfterMemberExitCallback quit = callback("Group.CallbackAfterMemberExit",
        group("cb-exit").and(b -> b.path("ExitType").asText().equals("Quit")), AfterMemberExitCallback.class);
    assertEquals(List.of("cb-quitter"), names(quit.getExitMemberList()));
    assertEquals("cb-quitter", quit.getOperatorAccount());
  }

  @Test
  @DisplayName("send_group_msg: Before and After carry the sender, the Random as sent and the MsgBody; After adds "
      + "the MsgSeq the send answered")
  void send() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-send", "Owner_Account", "cb-owner", "Name", "Talk");
    JsonNode sent = ok("send_group_msg", "GroupId", "cb-send", "From_Account", "cb-owner", "Random", 424242,
        "MsgBody", List.of(java.util.Map.of("MsgType", "TIMTextElem", "MsgContent", java.util.Map.of("Text", "hello"))));

    BeforeSendGroupMsgCallback before = callback("Group.CallbackBeforeSendMsg", group("cb-send"),
        BeforeSendGroupMsgCallback.class);
    assertEquals("cb-owner", before.getFromAccount());
    assertEquals(424242L, before.getRandom());
    assertEquals("hello", ((TIMTextMsgElement) before.getMsgBody().get(0)).getMsgContent().getText());

    AfterSendGroupMsgCallback after = callback("Group.CallbackAfterSendMsg", group("cb-send"),
        AfterSendGroupMsgCallback.class);
    assertEquals(sent.path("MsgSeq").asLong(), after.getMsgSeq());
    assertEquals(424242L, after.getRandom());
    assertEquals("Public", after.getType());
    assertEquals(sent.path("MsgTime").asLong(), (long) after.getMsgTime());
  }

  @Test
  @DisplayName("a Before-send refusal fails send_group_msg with 20006 and stores nothing (no After)")
  void sendRefused() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-blocked", "Owner_Account", "cb-owner", "Name", "Guarded");
    JsonNode answer = rest("send_group_msg", "GroupId", "cb-blocked", "From_Account", "cb-owner", "Random", 7,
        "MsgBody", List.of(java.util.Map.of("MsgType", "TIMTextElem", "MsgContent", java.util.Map.of("Text", "blocked"))));
    assertEquals("FAIL", answer.path("ActionStatus").asText(), answer.toString());
    assertEquals(20006, answer.path("ErrorCode").asInt());

    JsonNode info = ok("get_group_info", "GroupIdList", List.of("cb-blocked"));
    assertEquals(0, info.path("GroupInfo").path(0).path("LastMsgTime").asLong(), "nothing was stored: " + info);
    assertFalse(find("Group.CallbackAfterSendMsg", group("cb-blocked")).isPresent());
  }

  @Test
  @DisplayName("modify_group_base_info: AfterGroupInfoChanged carries only the fields that changed")
  void infoChanged() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-info", "Owner_Account", "cb-owner", "Name", "Before");
    ok("modify_group_base_info", "GroupId", "cb-info", "Name", "After", "Notification", "read me");
    AfterGroupInfoChangedCallback changed = callback("Group.CallbackAfterGroupInfoChanged", group("cb-info"),
        AfterGroupInfoChangedCallback.class);
    assertEquals("After", changed.getName());
    assertEquals("read me", changed.getNotification());
    assertEquals(null, changed.getIntroduction());
    assertEquals(null, changed.getFaceUrl());
    assertEquals(Sandbox.TENCENT_ADMIN, changed.getOperatorAccount());
  }

  @Test
  @DisplayName("destroy_group: AfterGroupDestroyed carries the owner, the name and every member")
  void destroyed() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-destroy", "Owner_Account", "cb-owner", "Name", "Doomed",
        "MemberList", accounts("cb-d1"));
    ok("destroy_group", "GroupId", "cb-destroy");
    AfterGroupDestroyedCallback gone = callback("Group.CallbackAfterGroupDestroyed", group("cb-destroy"),
        AfterGroupDestroyedCallback.class);
    assertEquals("cb-owner", gone.getOwnerAccount());
    assertEquals("Doomed", gone.getName());
    assertEquals(List.of("cb-d1", "cb-owner"), names(gone.getMemberList()));
  }

  @Test
  @DisplayName("imports are silent: import_group and import_group_member make no callback")
  void importsSilent() throws Exception {
    ok("import_group", "Type", "Public", "GroupId", "cb-imported", "Owner_Account", "cb-owner", "Name", "Old",
        "CreateTime", 1_600_000_000);
    ok("import_group_member", "GroupId", "cb-imported", "MemberList", accounts("cb-old-member"));
    ok("create_group", "Type", "Public", "GroupId", "cb-after-import", "Owner_Account", "cb-owner", "Name", "New");
    callback("Group.CallbackAfterCreateGroup", group("cb-after-import"), AfterCreateGroupCallback.class);
    assertTrue(receiver.all().stream().noneMatch(r -> r.json().path("GroupId").asText().equals("cb-imported")
        || r.json().path("Name").asText().equals("Old")), "no callback for the imports, though a later create's came");
  }

  @Test
  @DisplayName("a Before-send answer with a MsgBody changes the message members get; ErrorCode 2 drops it silently "
      + "(the send answers OK, nothing is stored)")
  void sendModifiedAndDropped() throws Exception {
    ok("create_group", "Type", "Public", "GroupId", "cb-edit", "Owner_Account", "cb-owner", "Name", "Edited",
        "MemberList", accounts("cb-edit-reader"));
    Recorder reader = new Recorder();
    try (ParleyClient c = Clients.tcp(running.server(), "cb-edit-reader", reader).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
      JsonNode dropped = ok("send_group_msg", "GroupId", "cb-edit", "From_Account", "cb-owner", "Random", 11,
          "MsgBody", List.of(java.util.Map.of("MsgType", "TIMTextElem", "MsgContent", java.util.Map.of("Text", "drop me"))));
      ok("send_group_msg", "GroupId", "cb-edit", "From_Account", "cb-owner", "Random", 12,
          "MsgBody", List.of(java.util.Map.of("MsgType", "TIMTextElem", "MsgContent",
              java.util.Map.of("Text", "rewrite me"))));
      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.inGroup("cb-edit").size() == 1);
      assertEquals("rewritten", reader.inGroup("cb-edit").get(0).elements().get(0).getText().getText());
      assertEquals(1, reader.inGroup("cb-edit").size(), "the dropped message never came");
      assertTrue(dropped.path("MsgSeq").asLong() == 0, "a dropped message has no seq: " + dropped);
    }
  }

  @Test
  @DisplayName("which command each group operation takes: Before for create, apply and invite; After for create, "
      + "join, exit, dismissal and info changes; nothing for owner, admin or mute changes")
  void commandTable() {
    TencentCallbacks format = new TencentCallbacks();
    java.util.Map<String, Optional<String>> expected = new java.util.LinkedHashMap<>();
    expected.put("CREATE BEFORE", Optional.of("Group.CallbackBeforeCreateGroup"));
    expected.put("CREATE AFTER", Optional.of("Group.CallbackAfterCreateGroup"));
    expected.put("APPLY BEFORE", Optional.of("Group.CallbackBeforeApplyJoinGroup"));
    expected.put("APPLY AFTER", Optional.empty());
    expected.put("INVITE BEFORE", Optional.of("Group.CallbackBeforeInviteJoinGroup"));
    expected.put("INVITE AFTER", Optional.empty());
    expected.put("JOINED BEFORE", Optional.empty());
    expected.put("JOINED AFTER", Optional.of("Group.CallbackAfterNewMemberJoin"));
    expected.put("EXITED BEFORE", Optional.empty());
    expected.put("EXITED AFTER", Optional.of("Group.CallbackAfterMemberExit"));
    expected.put("DISMISSED BEFORE", Optional.empty());
    expected.put("DISMISSED AFTER", Optional.of("Group.CallbackAfterGroupDestroyed"));
    expected.put("INFO_CHANGED BEFORE", Optional.empty());
    expected.put("INFO_CHANGED AFTER", Optional.of("Group.CallbackAfterGroupInfoChanged"));
    for (String quiet : List.of("OWNER_CHANGED", "ADMINS_SET", "ADMINS_UNSET", "MUTED", "UNMUTED")) {
      expected.put(quiet + " BEFORE", Optional.empty()); // members hear of these by tips; Tencent has no callback
      expected.put(quiet + " AFTER", Optional.empty());
    }
    java.util.Map<String, Optional<String>> actual = new java.util.LinkedHashMap<>();
    for (GroupActivity.Action action : GroupActivity.Action.values()) {
      GroupActivity a = new GroupActivity(action, "g", "Public", "G", "", "", List.of("u"), GroupActivity.Way.NONE,
          java.util.Map.of(), Origin.serverApi(""), java.time.Instant.EPOCH);
      for (Phase phase : List.of(Phase.BEFORE, Phase.AFTER)) {
        actual.put(action + " " + phase, format.command(a, phase));
      }
    }
    assertEquals(expected, actual);
    assertTrue(format.commands().containsAll(List.of("Group.CallbackBeforeSendMsg", "Group.CallbackAfterSendMsg",
        "Group.CallbackAfterGroupInfoChanged")), "an app may list every group command");
  }
}
