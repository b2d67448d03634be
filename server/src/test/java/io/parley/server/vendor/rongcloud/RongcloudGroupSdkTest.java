package io.parley.server.vendor.rongcloud;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.client.ReceivedMessage;
import io.parley.server.config.Sandbox;
import io.parley.server.group.GroupCodes;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import io.rong.RongCloud;
import io.rong.messages.TxtMessage;
import io.rong.models.Result;
import io.rong.models.group.GroupMember;
import io.rong.models.group.GroupModel;
import io.rong.models.group.UserGroup;
import io.rong.models.message.GroupMessage;
import io.rong.models.response.GagGroupUser;
import io.rong.models.response.GroupBanResult;
import io.rong.models.response.GroupUser;
import io.rong.models.response.GroupUserQueryResult;
import io.rong.models.response.ListGagGroupUserResult;
import io.rong.models.response.ResponseResult;
import io.rong.models.response.TokenResult;
import io.rong.models.response.UserGroupQueryResult;
import io.rong.models.user.UserModel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rongcloud's own Server SDK (cn.rongcloud.im:server-sdk-java 3.3.1), unchanged, managing basic groups on a running
 * server over HTTP; real Parley client SDK logins (with tokens the SDK got) are the members.
 */
@DisplayName("The Rongcloud Server SDK's group calls against Parley")
class RongcloudGroupSdkTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static RongCloud sdk;

  @BeforeAll
  static void pointTheSdkAtParley() {
    String api = "http://127.0.0.1:" + running.server().httpPort();
    sdk = RongCloud.getInstance(Sandbox.RONGCLOUD_APP_KEY, Sandbox.RONGCLOUD_APP_SECRET, api);
    sdk.getConfig().apiDomains = new String[] {api}; // the SDK keeps one instance per key: another class's may linger
  }

  static ParleyClient client(String user, Recorder inbox) throws Exception {
    TokenResult r = sdk.user.register(new UserModel(user, "Name of " + user, "https://cdn.example.com/u.png"));
    assertEquals(200, r.getCode(), r.toString());
    ParleyClient c = Clients.tcp(running.server(), user, inbox).appId(Sandbox.RONGCLOUD_APP_KEY)
        .credential(CredentialKind.RONGCLOUD_TOKEN, r::getToken).build();
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  static GroupModel group(String id, String name, String... members) {
    return new GroupModel().setId(id).setName(name)
        .setMembers(Arrays.stream(members).map(m -> new GroupMember().setId(m)).toArray(GroupMember[]::new));
  }

  static List<String> members(String groupId) throws Exception {
    GroupUserQueryResult r = sdk.group.get(new GroupModel().setId(groupId));
    assertEquals(200, r.getCode(), r.toString());
    return r.getMembers() == null ? List.of() : r.getMembers().stream().map(GroupUser::getId).sorted().toList();
  }

  static List<String> groupsOf(String user) throws Exception {
    UserGroupQueryResult r = sdk.user.getGroups(new UserModel().setId(user));
    assertEquals(200, r.getCode(), r.toString());
    return Arrays.stream(r.getGroups()).map(g -> g.getId() + "=" + g.getName()).sorted().toList();
  }

  static void ok(Result r) {
    assertEquals(200, r.getCode(), r.toString());
  }

  static ResponseResult publish(String from, String text, String... groups) throws Exception {
    return sdk.message.group.send(new GroupMessage().setSenderId(from).setTargetId(groups)
        .setObjectName("RC:TxtMsg").setContent(new TxtMessage(text, "")).setIsPersisted(1));
  }

  static int refusal(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ParleyException, e.getCause().toString());
    return ((ParleyException) e.getCause()).code();
  }

  @Test
  @DisplayName("group.create makes a group of the users; its members and each user's groups list it with its name")
  void create() throws Exception {
    ok(sdk.group.create(group("sdk-g-create", "Team 团队", "cr-a", "cr-b")));
    assertEquals(List.of("cr-a", "cr-b"), members("sdk-g-create"));
    assertEquals(List.of("sdk-g-create=Team 团队"), groupsOf("cr-a"));
    ok(sdk.group.create(group("sdk-g-create", "Team 团队", "cr-c")));
    assertEquals(List.of("cr-a", "cr-b", "cr-c"), members("sdk-g-create"), "create of an existing group joins it");
  }

  @Test
  @DisplayName("group.join adds users to a group, and creates the group when it does not exist yet")
  void join() throws Exception {
    ok(sdk.group.join(group("sdk-g-join", "Joined", "jo-a")));
    assertEquals(List.of("jo-a"), members("sdk-g-join"));
    ok(sdk.group.join(group("sdk-g-join", "Joined", "jo-b", "jo-a")));
    assertEquals(List.of("jo-a", "jo-b"), members("sdk-g-join"), "a member joining again is no error");
    ok(sdk.group.invite(group("sdk-g-join", "Joined", "jo-c")));
    assertEquals(List.of("jo-a", "jo-b", "jo-c"), members("sdk-g-join"));
  }

  @Test
  @DisplayName("group.quit removes the users; when the last member leaves the group is gone")
  void quit() throws Exception {
    ok(sdk.group.create(group("sdk-g-quit", "Quitters", "qu-a", "qu-b", "qu-c")));
    ok(sdk.group.quit(group("sdk-g-quit", "Quitters", "qu-a", "qu-b", "qu-nobody")));
    assertEquals(List.of("qu-c"), members("sdk-g-quit"));
    assertEquals(List.of(), groupsOf("qu-a"));
    ok(sdk.group.quit(group("sdk-g-quit", "Quitters", "qu-c")));
    assertEquals(List.of(), members("sdk-g-quit"));
    assertEquals(1002, sdk.group.update(group("sdk-g-quit", "Renamed")).getCode(), "the empty group no longer exists");
  }

  @Test
  @DisplayName("group.dismiss ends the group for every member; dismissing it again is no error")
  void dismiss() throws Exception {
    ok(sdk.group.create(group("sdk-g-dismiss", "Short lived", "di-a", "di-b")));
    ok(sdk.group.dismiss(group("sdk-g-dismiss", "", "di-anyone")));
    assertEquals(List.of(), members("sdk-g-dismiss"));
    assertEquals(List.of(), groupsOf("di-b"));
    ok(sdk.group.dismiss(group("sdk-g-dismiss", "", "di-anyone")));
  }

  @Test
  @DisplayName("group.update (refresh) renames the group as its members' group lists show")
  void refresh() throws Exception {
    ok(sdk.group.create(group("sdk-g-refresh", "Old name", "re-a")));
    ok(sdk.group.update(group("sdk-g-refresh", "New name 新")));
    assertEquals(List.of("sdk-g-refresh=New name 新"), groupsOf("re-a"));
  }

  @Test
  @DisplayName("group.sync makes the user's groups exactly those listed, creating a missing one with its name")
  void sync() throws Exception {
    ok(sdk.group.create(group("sdk-g-sync-old", "Old", "sy-a", "sy-b")));
    ok(sdk.group.create(group("sdk-g-sync-kept", "Kept", "sy-b")));
    ok(sdk.group.sync(new UserGroup().setId("sy-a").setGroups(new GroupModel[] {
        new GroupModel().setId("sdk-g-sync-kept").setName("Kept"),
        new GroupModel().setId("sdk-g-sync-new").setName("Brand new")})));
    assertEquals(List.of("sdk-g-sync-kept=Kept", "sdk-g-sync-new=Brand new"), groupsOf("sy-a"));
    assertEquals(List.of("sy-b"), members("sdk-g-sync-old"));
    assertEquals(List.of("sy-a", "sy-b"), members("sdk-g-sync-kept"));
  }

  @Test
  @DisplayName("group.gag.add mutes members until lifted: listed with the mute's end, refused when they send")
  void gag() throws Exception {
    Recorder inbox = new Recorder();
    try (ParleyClient a = client("ga-a", inbox); ParleyClient b = client("ga-b", new Recorder())) {
      ok(sdk.group.create(group("sdk-g-gag", "Quiet", "ga-a", "ga-b")));
      ok(sdk.group.gag.add(group("sdk-g-gag", "Quiet", "ga-b").setMinute(30)));
      ListGagGroupUserResult list = sdk.group.gag.getList("sdk-g-gag");
      assertEquals(200, list.getCode(), list.toString());
      assertEquals(List.of("ga-b"), list.getMembers().stream().map(GagGroupUser::getId).toList());
      assertTrue(list.getMembers().get(0).getTime().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
          list.toString());
      assertEquals(GroupCodes.MUTED, refusal(b.sendToGroup("sdk-g-gag", Elements.text("let me speak"))));
      a.sendToGroup("sdk-g-gag", Elements.text("a may speak")).get(10, TimeUnit.SECONDS);
      ok(sdk.group.gag.remove(group("sdk-g-gag", "Quiet", "ga-b")));
      assertEquals(List.of(), sdk.group.gag.getList("sdk-g-gag").getMembers());
      b.sendToGroup("sdk-g-gag", Elements.text("b again")).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.inGroup("sdk-g-gag").size() == 2);
      assertEquals("b again", inbox.inGroup("sdk-g-gag").get(1).elements().get(0).getText().getText());
    }
  }

  @Test
  @DisplayName("group.ban mutes the whole group for its members (query says so) until rolled back; the app still publishes")
  void ban() throws Exception {
    Recorder inbox = new Recorder();
    try (ParleyClient a = client("ba-a", inbox)) {
      ok(sdk.group.create(group("sdk-g-ban", "Banned", "ba-a")));
      ok(sdk.group.create(group("sdk-g-free", "Free", "ba-a")));
      ok(sdk.group.ban.add(new String[] {"sdk-g-ban"}));
      GroupBanResult q = (GroupBanResult) sdk.group.ban.check(new String[] {"sdk-g-ban", "sdk-g-free"});
      assertEquals(200, q.getCode(), q.toString());
      assertEquals(List.of("sdk-g-ban=1", "sdk-g-free=0"),
          Arrays.stream(q.getGroups()).map(g -> g.getId() + "=" + g.getStatus()).toList());
      assertEquals(GroupCodes.MUTED_ALL, refusal(a.sendToGroup("sdk-g-ban", Elements.text("hush"))));
      ok(publish("ba-admin", "the app may speak", "sdk-g-ban"));
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.inGroup("sdk-g-ban").size() == 1);
      ok(sdk.group.ban.remove(new String[] {"sdk-g-ban"}));
      a.sendToGroup("sdk-g-ban", Elements.text("free again")).get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("message.group.send reaches every online member of each group, as a group message from the sender")
  void groupPublish() throws Exception {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    Recorder outsider = new Recorder();
    try (ParleyClient ca = client("pu-a", a); ParleyClient cb = client("pu-b", b);
        ParleyClient co = client("pu-out", outsider)) {
      ok(sdk.group.create(group("sdk-g-pub1", "One", "pu-a", "pu-b")));
      ok(sdk.group.create(group("sdk-g-pub2", "Two", "pu-a")));
      ok(publish("pu-a", "hello groups 你好", "sdk-g-pub1", "sdk-g-pub2"));
      await().atMost(Duration.ofSeconds(10)).until(() -> a.inGroup("sdk-g-pub1").size() == 1
          && a.inGroup("sdk-g-pub2").size() == 1 && b.inGroup("sdk-g-pub1").size() == 1);
      ReceivedMessage m = b.inGroup("sdk-g-pub1").get(0);
      assertEquals("pu-a", m.fromUserId());
      assertEquals("hello groups 你好", m.elements().get(0).getText().getText());
      assertTrue(m.groupSeq() > 0, "stored in the group's history");
      ok(publish("pu-a", "a later one", "sdk-g-pub1"));
      await().atMost(Duration.ofSeconds(10)).until(() -> b.inGroup("sdk-g-pub1").size() == 2);
      assertEquals(0, outsider.count(), "a non-member gets nothing");
    }
  }

  @Test
  @DisplayName("a group message published while a member is offline is delivered when it logs in")
  void offlineMember() throws Exception {
    ok(sdk.group.create(group("sdk-g-later", "Later", "la-a")));
    ok(publish("la-admin", "while you were out", "sdk-g-later"));
    Recorder inbox = new Recorder();
    try (ParleyClient c = client("la-a", inbox)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> inbox.inGroup("sdk-g-later").size() == 1);
    }
  }

  @Test
  @DisplayName("group.ban.user.add, which the SDK sends to gag/add without a groupId, is refused (1002 naming groupId)")
  void userBanWithoutGroup() throws Exception {
    ok(sdk.group.create(group("sdk-g-userban", "Any", "ub-a")));
    Result r = sdk.group.ban.user.add(new GroupModel().setMembers(new GroupMember[] {new GroupMember().setId("ub-a")})
        .setMinute(5));
    assertEquals(1002, r.getCode(), r.toString());
    assertTrue(r.getErrorMessage().contains("groupId"), r.toString());
    assertEquals(List.of(), sdk.group.gag.getList("sdk-g-userban").getMembers());
  }
}
