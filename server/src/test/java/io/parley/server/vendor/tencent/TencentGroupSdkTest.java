package io.parley.server.vendor.tencent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.doocs.im.ImClient;
import io.github.doocs.im.model.group.AppDefinedDataItem;
import io.github.doocs.im.model.group.GroupInfo;
import io.github.doocs.im.model.group.MemberProfile;
import io.github.doocs.im.model.message.TIMTextMsgElement;
import io.github.doocs.im.model.request.AddGroupMemberRequest;
import io.github.doocs.im.model.request.ChangeGroupOwnerRequest;
import io.github.doocs.im.model.request.CreateGroupRequest;
import io.github.doocs.im.model.request.DeleteGroupMemberRequest;
import io.github.doocs.im.model.request.DestroyGroupRequest;
import io.github.doocs.im.model.request.ForbidSendMsgRequest;
import io.github.doocs.im.model.request.GetGroupInfoRequest;
import io.github.doocs.im.model.request.GetGroupMemberInfoRequest;
import io.github.doocs.im.model.request.GetGroupMutedAccountRequest;
import io.github.doocs.im.model.request.GetJoinedGroupListRequest;
import io.github.doocs.im.model.request.GetRoleInGroupRequest;
import io.github.doocs.im.model.request.GroupMsgItem;
import io.github.doocs.im.model.request.GroupMsgRecallRequest;
import io.github.doocs.im.model.request.ImportGroupMemberRequest;
import io.github.doocs.im.model.request.ImportGroupMsgRequest;
import io.github.doocs.im.model.request.ImportGroupRequest;
import io.github.doocs.im.model.request.MemberItem;
import io.github.doocs.im.model.request.MemberRequestItem;
import io.github.doocs.im.model.request.ModifyGroupBaseInfoRequest;
import io.github.doocs.im.model.request.MsgSeqItem;
import io.github.doocs.im.model.request.SendGroupMsgRequest;
import io.github.doocs.im.model.request.SendGroupSystemNotificationRequest;
import io.github.doocs.im.model.response.AddGroupMemberResult;
import io.github.doocs.im.model.response.CreateGroupResult;
import io.github.doocs.im.model.response.GetGroupInfoResult;
import io.github.doocs.im.model.response.GetGroupMemberInfoResult;
import io.github.doocs.im.model.response.GetGroupMutedAccountResult;
import io.github.doocs.im.model.response.GetJoinGroupListResult;
import io.github.doocs.im.model.response.GetRoleInGroupResult;
import io.github.doocs.im.model.response.GroupMsgRecallResult;
import io.github.doocs.im.model.response.ImportGroupMemberResult;
import io.github.doocs.im.model.response.ImportGroupMsgResult;
import io.github.doocs.im.model.response.ImportGroupResult;
import io.github.doocs.im.model.response.SendGroupMsgResult;
import io.github.doocs.im.model.response.UserIdListItem;
import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The doocs SDK (0.3.43, unchanged) runs Tencent's group REST commands over HTTPS against Parley, with real Parley
 * clients logged in over TCP where what members see matters: what an app server and its users would see.
 */
@DisplayName("The doocs Tencent REST SDK's group commands against Parley and its real clients")
class TencentGroupSdkTest {
  @RegisterExtension
  static final ServerExtension running = new ServerExtension();

  private static final AtomicLong RANDOM = new AtomicLong(5000);
  private static DoocsSdk doocs;
  private static ImClient sdk;

  @BeforeAll
  static void openSdk() {
    doocs = new DoocsSdk(running.server());
    sdk = doocs.client;
  }

  @AfterAll
  static void closeSdk() {
    doocs.close();
  }

  private static ParleyClient online(String user, Recorder events) throws Exception {
    ParleyClient client = Clients.tcp(running.server(), user, events).build();
    client.connect().get(10, TimeUnit.SECONDS);
    return client;
  }

  private static MemberProfile member(String user) {
    return MemberProfile.builder().memberAccount(user).build();
  }

  private static MemberRequestItem add(String user) {
    return new MemberRequestItem(user);
  }

  private static String create(String type, String groupId, String owner, String... members) throws Exception {
    CreateGroupResult r = sdk.group.createGroup(CreateGroupRequest.builder().type(type).groupId(groupId)
        .ownerAccount(owner).name("g " + groupId)
        .memberList(List.of(members).stream().map(TencentGroupSdkTest::member).collect(Collectors.toList())).build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    return r.getGroupId();
  }

  private static GroupInfo info(String groupId) throws Exception {
    GetGroupInfoResult r = sdk.group.getGroupInfo(GetGroupInfoRequest.builder().groupIdList(List.of(groupId)).build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    return r.getGroupInfo().get(0);
  }

  private static Map<String, String> roles(String groupId, String... users) throws Exception {
    GetRoleInGroupResult r = sdk.group.getRoleInGroup(GetRoleInGroupRequest.builder().groupId(groupId)
        .userAccount(List.of(users)).build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    return r.getUserIdList().stream().collect(Collectors.toMap(UserIdListItem::getMemberAccount, UserIdListItem::getRole));
  }

  private static SendGroupMsgResult send(String groupId, String from, String text) throws Exception {
    return sdk.group.sendGroupMsg(SendGroupMsgRequest.builder().groupId(groupId).fromAccount(from)
        .random(RANDOM.incrementAndGet()).msgBody(List.of(new TIMTextMsgElement(text))).build());
  }

  @Test
  @DisplayName("create_group with a given id and members, then get_group_info: type, name, owner, custom data, "
      + "member count and each member's role")
  void createAndInfo() throws Exception {
    CreateGroupResult created = sdk.group.createGroup(CreateGroupRequest.builder().type("Public").groupId("sdk-pub-1")
        .ownerAccount("gs-owner").name("Readers").introduction("we read").notification("be kind")
        .faceUrl("https://example.com/f.png").maxMemberCount(100).applyJoinOption("NeedPermission")
        .appDefinedData(List.of(new AppDefinedDataItem("topic", "books")))
        .memberList(List.of(member("gs-ann"), MemberProfile.builder().memberAccount("gs-ben").role("Admin").build()))
        .build());
    assertEquals("OK", created.getActionStatus(), created.toString());
    assertEquals("sdk-pub-1", created.getGroupId());

    GroupInfo g = info("sdk-pub-1");
    assertEquals("Public", g.getType());
    assertEquals("Readers", g.getName());
    assertEquals("we read", g.getIntroduction());
    assertEquals("be kind", g.getNotification());
    assertEquals("https://example.com/f.png", g.getFaceUrl());
    assertEquals("gs-owner", g.getOwnerAccount());
    assertEquals(3, g.getMemberNum());
    assertEquals(100, g.getMaxMemberNum());
    assertEquals("NeedPermission", g.getApplyJoinOption());
    assertEquals("Off", g.getMuteAllMember());
    assertEquals("books", g.getAppDefinedData().get(0).getValue());
    Map<String, String> memberRoles = g.getMemberList().stream()
        .collect(Collectors.toMap(MemberProfile::getMemberAccount, MemberProfile::getRole));
    assertEquals(Map.of("gs-owner", "Owner", "gs-ann", "Member", "gs-ben", "Admin"), memberRoles);
  }

  @Test
  @DisplayName("create_group without a GroupId generates one starting @TGS#; a second create with a used id is 10021")
  void generatedAndUsedIds() throws Exception {
    String id = create("Work", null, "gs-wk-owner", "gs-wk-a");
    assertTrue(id.startsWith("@TGS#"), id);
    assertEquals("Work", info(id).getType());

    create("Public", "sdk-used", "gs-u1");
    CreateGroupResult again = sdk.group.createGroup(CreateGroupRequest.builder().type("Public").groupId("sdk-used")
        .ownerAccount("gs-u2").name("again").build());
    assertEquals("FAIL", again.getActionStatus());
    assertEquals(10021, again.getErrorCode());
  }

  @Test
  @DisplayName("add_group_member answers each account: 1 added, 2 already a member; members are listed by "
      + "get_group_member_info and delete_group_member removes them")
  void addListDelete() throws Exception {
    create("Public", "sdk-members", "gs-m-owner", "gs-m-a");
    AddGroupMemberResult added = sdk.group.addGroupMember(AddGroupMemberRequest.builder().groupId("sdk-members")
        .memberList(List.of(add("gs-m-a"), add("gs-m-b"), add("gs-m-c")))
        .build());
    assertEquals("OK", added.getActionStatus(), added.toString());
    Map<String, Integer> results = added.getMemberList().stream().collect(Collectors.toMap(
        m -> m.getMemberAccount(), m -> m.getResult()));
    assertEquals(Map.of("gs-m-a", 2, "gs-m-b", 1, "gs-m-c", 1), results);

    GetGroupMemberInfoResult list = sdk.group.getGroupMemberInfo(GetGroupMemberInfoRequest.builder()
        .groupId("sdk-members").build());
    assertEquals("OK", list.getActionStatus(), list.toString());
    assertEquals(4, list.getMemberNum());
    assertEquals(List.of("gs-m-a", "gs-m-b", "gs-m-c", "gs-m-owner"),
        list.getMemberList().stream().map(MemberProfile::getMemberAccount).sorted().toList());

    GetGroupMemberInfoResult page = sdk.group.getGroupMemberInfo(GetGroupMemberInfoRequest.builder()
        .groupId("sdk-members").limit(5).offset(1).memberRoleFilter(List.of("Member")).build());
    assertEquals(List.of("gs-m-b", "gs-m-c"), page.getMemberList().stream().map(MemberProfile::getMemberAccount)
        .toList(), "three plain members in id order, the first skipped");

    var deleted = sdk.group.deleteGroupMember(DeleteGroupMemberRequest.builder().groupId("sdk-members")
        .memberToDelAccount(List.of("gs-m-b")).reason("bye").build());
    assertEquals("OK", deleted.getActionStatus(), deleted.toString());
    assertEquals(Map.of("gs-m-b", "NotMember", "gs-m-a", "Member", "gs-m-owner", "Owner"),
        roles("sdk-members", "gs-m-b", "gs-m-a", "gs-m-owner"));
  }

  @Test
  @DisplayName("modify_group_base_info changes name, notification and MuteAllMember; get_group_info shows them")
  void modify() throws Exception {
    create("Public", "sdk-modify", "gs-mod-owner");
    var r = sdk.group.modifyGroupBaseInfo(ModifyGroupBaseInfoRequest.builder().groupId("sdk-modify").name("Renamed")
        .notification("new rules").muteAllMember("On").build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    GroupInfo g = info("sdk-modify");
    assertEquals("Renamed", g.getName());
    assertEquals("new rules", g.getNotification());
    assertEquals("On", g.getMuteAllMember());
  }

  @Test
  @DisplayName("get_joined_group_list lists a user's groups with TotalCount, narrowed by GroupType; destroy_group "
      + "removes one, and get_group_info then answers it with 10010")
  void joinedAndDestroy() throws Exception {
    create("Public", "sdk-j-1", "gs-j-owner", "gs-joiner");
    create("Work", "sdk-j-2", "gs-j-owner", "gs-joiner");
    GetJoinGroupListResult all = sdk.group.getJoinGroupList(GetJoinedGroupListRequest.builder()
        .memberAccount("gs-joiner").build());
    assertEquals("OK", all.getActionStatus(), all.toString());
    assertEquals(2, all.getTotalCount());
    GetJoinGroupListResult work = sdk.group.getJoinGroupList(GetJoinedGroupListRequest.builder()
        .memberAccount("gs-joiner").groupType("Work").build());
    assertEquals(List.of("sdk-j-2"), work.getGroupIdList().stream().map(i -> i.getGroupId()).toList());

    var destroyed = sdk.group.destroyGroup(DestroyGroupRequest.builder().groupId("sdk-j-1").build());
    assertEquals("OK", destroyed.getActionStatus(), destroyed.toString());
    assertEquals(1, sdk.group.getJoinGroupList(GetJoinedGroupListRequest.builder().memberAccount("gs-joiner").build())
        .getTotalCount());
    GetGroupInfoResult gone = sdk.group.getGroupInfo(GetGroupInfoRequest.builder().groupIdList(List.of("sdk-j-1"))
        .build());
    assertEquals("sdk-j-1", gone.getGroupInfo().get(0).getGroupId());
    assertEquals(null, gone.getGroupInfo().get(0).getType(), "a destroyed group's item has no info (its own "
        + "ErrorCode 10010 is not in the SDK's model: see TencentGroupRestTest)");
  }

  @Test
  @DisplayName("change_group_owner hands ownership to a member; get_role_in_group shows the swap")
  void changeOwner() throws Exception {
    create("Public", "sdk-owner", "gs-old", "gs-new");
    var r = sdk.group.changeGroupOwner(ChangeGroupOwnerRequest.builder().groupId("sdk-owner")
        .newOwnerAccount("gs-new").build());
    assertEquals("OK", r.getActionStatus(), r.toString());
    assertEquals(Map.of("gs-old", "Member", "gs-new", "Owner"), roles("sdk-owner", "gs-old", "gs-new"));
    assertEquals("gs-new", info("sdk-owner").getOwnerAccount());
  }

  @Test
  @DisplayName("forbid_send_msg mutes a member: get_group_muted_account lists it until MuteTime 0 lifts it, and its "
      + "send_group_msg is refused with 10017 meanwhile")
  void forbidAndMuted() throws Exception {
    create("Public", "sdk-mute", "gs-mu-owner", "gs-loud", "gs-calm");
    long before = System.currentTimeMillis() / 1000;
    var muted = sdk.group.forbidSendMsg(ForbidSendMsgRequest.builder().groupId("sdk-mute")
        .membersAccount(List.of("gs-loud")).muteTime(600L).build());
    assertEquals("OK", muted.getActionStatus(), muted.toString());

    GetGroupMutedAccountResult list = sdk.group.getGroupMutedAccount(GetGroupMutedAccountRequest.builder()
        .groupId("sdk-mute").build());
    assertEquals(1, list.getMutedAccountList().size(), list.toString());
    assertEquals("gs-loud", list.getMutedAccountList().get(0).getMemberAccount());
    long until = list.getMutedAccountList().get(0).getMutedUntil();
    assertTrue(until >= before + 600 && until <= before + 660, "MutedUntil " + until + " vs now " + before);

    SendGroupMsgResult refused = send("sdk-mute", "gs-loud", "let me speak");
    assertEquals("FAIL", refused.getActionStatus());
    assertEquals(10017, refused.getErrorCode());

    sdk.group.forbidSendMsg(ForbidSendMsgRequest.builder().groupId("sdk-mute").membersAccount(List.of("gs-loud"))
        .muteTime(0L).build());
    assertTrue(sdk.group.getGroupMutedAccount(GetGroupMutedAccountRequest.builder().groupId("sdk-mute").build())
        .getMutedAccountList().isEmpty());
    assertEquals("OK", send("sdk-mute", "gs-loud", "thanks").getActionStatus());
  }

  @Test
  @DisplayName("send_group_msg reaches an online member; the SDK reads the seq from msgSeq, and it is the "
      + "message's group seq")
  void sendGroupMsg() throws Exception {
    create("Public", "sdk-send", "gs-s-owner", "gs-s-reader");
    Recorder reader = new Recorder();
    try (ParleyClient c = online("gs-s-reader", reader)) {
      SendGroupMsgResult first = send("sdk-send", "gs-s-owner", "one");
      SendGroupMsgResult second = send("sdk-send", "gs-s-owner", "two");
      assertEquals("OK", first.getActionStatus(), first.toString());
      assertTrue(first.getMsgSeq() > 0 && second.getMsgSeq() == first.getMsgSeq() + 1,
          first.getMsgSeq() + " then " + second.getMsgSeq());
      assertTrue(first.getMsgTime() > 0);

      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.inGroup("sdk-send").size() == 2);
      ReceivedMessage m = reader.inGroup("sdk-send").get(1);
      assertEquals("gs-s-owner", m.fromUserId());
      assertEquals("two", m.elements().get(0).getText().getText());
      assertEquals((long) second.getMsgSeq(), m.groupSeq());
    }
  }

  @Test
  @DisplayName("group_msg_recall: RetCode 0 for a sent message, which the online member sees recalled, and 10030 for "
      + "a seq with no message")
  void recall() throws Exception {
    create("Public", "sdk-recall", "gs-r-owner", "gs-r-reader");
    Recorder reader = new Recorder();
    try (ParleyClient c = online("gs-r-reader", reader)) {
      long seq = send("sdk-recall", "gs-r-owner", "oops").getMsgSeq();
      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.inGroup("sdk-recall").size() == 1);

      GroupMsgRecallResult r = sdk.group.groupMsgRecall(GroupMsgRecallRequest.builder().groupId("sdk-recall")
          .msgSeqList(List.of(new MsgSeqItem(seq), new MsgSeqItem(seq + 100))).build());
      assertEquals("OK", r.getActionStatus(), r.toString());
      assertEquals(seq, r.getRecallRetList().get(0).getMsgSeq());
      assertEquals(0, r.getRecallRetList().get(0).getRetCode());
      assertEquals(10030, r.getRecallRetList().get(1).getRetCode());

      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.recalls.size() == 1);
      assertTrue(reader.recalls.get(0).recalled());
      assertEquals(seq, reader.recalls.get(0).groupSeq());
    }
  }

  @Test
  @DisplayName("send_group_system_notification reaches the members named, with the Content as sent")
  void systemNotification() throws Exception {
    create("Public", "sdk-notify", "gs-n-owner", "gs-n-reader");
    Recorder reader = new Recorder();
    try (ParleyClient c = online("gs-n-reader", reader)) {
      var r = sdk.group.sendGroupSystemNotification(SendGroupSystemNotificationRequest.builder().groupId("sdk-notify")
          .toMembersAccount(List.of("gs-n-reader")).content("maintenance at noon").build());
      assertEquals("OK", r.getActionStatus(), r.toString());
      await().atMost(10, TimeUnit.SECONDS).until(() -> reader.notifications.stream()
          .anyMatch(n -> n.getType() == GroupNotificationType.GROUP_NOTIFICATION_CUSTOM));
      var n = reader.notifications.stream().filter(x -> x.getType() == GroupNotificationType.GROUP_NOTIFICATION_CUSTOM)
          .findFirst().orElseThrow();
      assertEquals("maintenance at noon", n.getCustom());
      assertEquals("sdk-notify", n.getGroupId());
    }
  }

  @Test
  @DisplayName("import_group (CreateTime kept), import_group_member (Role Admin and JoinTime kept, no tip to the members) and "
      + "import_group_msg: the group, its members and its history are there afterwards")
  void imports() throws Exception {
    ImportGroupResult g = sdk.group.importGroup(ImportGroupRequest.builder().type("Public").groupId("sdk-imported")
        .ownerAccount("gs-i-owner").name("Old group").createTime(1_600_000_000).build());
    assertEquals("OK", g.getActionStatus(), g.toString());
    assertEquals("sdk-imported", g.getGroupId());
    assertEquals(1_600_000_000, info("sdk-imported").getCreateTime(), "the group keeps its CreateTime");

    Recorder owner = new Recorder();
    ParleyClient ownerOnline = online("gs-i-owner", owner);
    ImportGroupMemberResult m = sdk.group.importGroupMember(ImportGroupMemberRequest.builder().groupId("sdk-imported")
        .memberList(List.of(MemberItem.builder().memberAccount("gs-i-admin").role("Admin").joinTime(1_600_000_100)
            .build(), MemberItem.builder().memberAccount("gs-i-plain").build())).build());
    assertEquals("OK", m.getActionStatus(), m.toString());
    assertTrue(m.getMemberList().stream().allMatch(x -> x.getResult() == 1), m.toString());
    assertEquals(Map.of("gs-i-admin", "Admin", "gs-i-plain", "Member"), roles("sdk-imported", "gs-i-admin",
        "gs-i-plain"));
    MemberProfile admin = sdk.group.getGroupMemberInfo(GetGroupMemberInfoRequest.builder().groupId("sdk-imported")
        .build()).getMemberList().stream().filter(p -> p.getMemberAccount().equals("gs-i-admin")).findFirst()
        .orElseThrow();
    assertEquals(1_600_000_100, admin.getJoinTime());
    send("sdk-imported", "gs-i-owner", "marker");
    await().atMost(10, TimeUnit.SECONDS).until(() -> owner.inGroup("sdk-imported").size() == 1);
    assertTrue(owner.tips.isEmpty(), "imports make no tips: " + owner.tips);
    ownerOnline.close();

    ImportGroupMsgResult msgs = sdk.group.importGroupMsg(ImportGroupMsgRequest.builder().groupId("sdk-imported")
        .msgList(List.of(
            GroupMsgItem.builder().fromAccount("gs-i-admin").sendTime(1_600_000_200).random(1L)
                .msgBody(List.of(new TIMTextMsgElement("old one"))).build(),
            GroupMsgItem.builder().fromAccount("gs-i-plain").sendTime(1_600_000_300).random(2L)
                .msgBody(List.of(new TIMTextMsgElement("old two"))).build()))
        .build());
    assertEquals("OK", msgs.getActionStatus(), msgs.toString());
    assertEquals(2, msgs.getImportMsgResult().size());
    assertTrue(msgs.getImportMsgResult().stream().allMatch(x -> x.getResult() == 0), msgs.toString());
    long firstSeq = msgs.getImportMsgResult().get(0).getMsgSeq();
    assertEquals(firstSeq + 1, (long) msgs.getImportMsgResult().get(1).getMsgSeq());
    assertEquals(1_600_000_200, msgs.getImportMsgResult().get(0).getMsgTime(), "the message keeps its SendTime");
    GroupInfo after = info("sdk-imported");
    assertFalse(after.getNextMsgSeq() <= firstSeq + 1, "NextMsgSeq is past the imported messages");
    assertEquals(1_600_000_300, after.getLastMsgTime(), "the newest message is the second import, at its SendTime");

    ImportGroupMsgResult future = sdk.group.importGroupMsg(ImportGroupMsgRequest.builder().groupId("sdk-imported")
        .msgList(List.of(GroupMsgItem.builder().fromAccount("gs-i-admin")
            .sendTime((int) (System.currentTimeMillis() / 1000) + 3600).random(3L)
            .msgBody(List.of(new TIMTextMsgElement("from the future"))).build())).build());
    assertEquals("OK", future.getActionStatus(), future.toString());
    assertEquals(10004, future.getImportMsgResult().get(0).getResult(), "a SendTime after now is refused");
  }
}
