package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.AnswerApplication;
import io.parley.protocol.v1.AnswerInvitation;
import io.parley.protocol.v1.ApplyToGroup;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.DismissGroup;
import io.parley.protocol.v1.GetGroups;
import io.parley.protocol.v1.GetMembers;
import io.parley.protocol.v1.GroupAdmission;
import io.parley.protocol.v1.GroupMuteAll;
import io.parley.protocol.v1.GroupReceiveOption;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.GroupResult;
import io.parley.protocol.v1.GroupRole;
import io.parley.protocol.v1.InviteToGroup;
import io.parley.protocol.v1.KickFromGroup;
import io.parley.protocol.v1.MemberOutcomeKind;
import io.parley.protocol.v1.ModifyGroup;
import io.parley.protocol.v1.MuteAllMembers;
import io.parley.protocol.v1.MuteMembers;
import io.parley.protocol.v1.MyGroups;
import io.parley.protocol.v1.NewGroupMember;
import io.parley.protocol.v1.QuitGroup;
import io.parley.protocol.v1.SetAdmin;
import io.parley.protocol.v1.SetMemberInfo;
import io.parley.protocol.v1.SetReceiveOption;
import io.parley.protocol.v1.TransferOwner;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.MuteAll;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupFramesTest extends GroupsFixture {
  private GroupFrames frames;

  @BeforeEach
  void frames() {
    frames = new GroupFrames(service);
  }

  private GroupResult as(String user, GroupRequest r) {
    return frames.handle(TENCENT, user, r);
  }

  @Test
  @DisplayName("create: the caller owns it, members with roles, options mapped, the group comes back")
  void create() {
    GroupResult r = as("o", GroupRequest.newBuilder().setCreate(CreateGroup.newBuilder().setGroupId("g")
        .setKind("tencent.Public").setName("N").setApply(GroupAdmission.GROUP_ADMISSION_FREE).setMaxMembers(50)
        .putCustom("k", "v").addMembers(NewGroupMember.newBuilder().setUserId("a").setRole(GroupRole.GROUP_ADMIN))
        .addMembers(NewGroupMember.newBuilder().setUserId("m"))).build());
    var info = r.getGroups(0);
    assertEquals("g", info.getGroupId());
    assertEquals("o", info.getOwner());
    assertEquals(3, info.getMemberCount());
    assertEquals(50, info.getMaxMembers());
    assertEquals(GroupAdmission.GROUP_ADMISSION_FREE, info.getApply());
    assertEquals("v", info.getCustomMap().get("k"));
    assertEquals(0, info.getNewestSeq());
    assertEquals(Role.ADMIN, roleOf(TENCENT, "g", "a"));
  }

  @Test
  @DisplayName("get: the groups asked for that exist")
  void get() {
    group(TENCENT, "g", "tencent.Public", "o");
    GroupResult r = as("x", GroupRequest.newBuilder().setGet(GetGroups.newBuilder().addGroupIds("g")
        .addGroupIds("nope")).build());
    assertEquals(1, r.getGroupsCount());
    assertEquals("tencent.Public", r.getGroups(0).getKind());
  }

  @Test
  @DisplayName("members: a page of members with roles and the next cursor")
  void members() {
    group(TENCENT, "g", "tencent.Public", "o", "a", "b");
    GroupResult r = as("a", GroupRequest.newBuilder().setMembers(GetMembers.newBuilder().setGroupId("g")
        .setLimit(2)).build());
    assertEquals(List.of("a", "b"), r.getMembersList().stream().map(m -> m.getUserId()).toList());
    assertEquals("b", r.getNextCursor());
    GroupResult owners = as("a", GroupRequest.newBuilder().setMembers(GetMembers.newBuilder().setGroupId("g")
        .setRole(GroupRole.GROUP_OWNER)).build());
    assertEquals(GroupRole.GROUP_OWNER, owners.getMembers(0).getRole());
    assertEquals("", owners.getNextCursor());
  }

  @Test
  @DisplayName("my_groups: the caller's groups")
  void myGroups() {
    group(TENCENT, "g", "tencent.Public", "o", "a");
    assertEquals("g", as("a", GroupRequest.newBuilder().setMyGroups(MyGroups.getDefaultInstance()).build())
        .getGroups(0).getGroupId());
  }

  @Test
  @DisplayName("apply: one outcome for the applicant")
  void apply() {
    group(TENCENT, "g", "tencent.Public", "o");
    GroupResult r = as("u", GroupRequest.newBuilder().setApply(ApplyToGroup.newBuilder().setGroupId("g")).build());
    assertEquals(MemberOutcomeKind.MEMBER_PENDING_APPROVAL, r.getOutcomes(0).getKind());
    assertEquals("u", r.getOutcomes(0).getUserId());
  }

  @Test
  @DisplayName("answer_application: the applicant joins")
  void answerApplication() {
    group(TENCENT, "g", "tencent.Public", "o");
    service.apply(TENCENT, "u", "g", "");
    GroupResult r = as("o", GroupRequest.newBuilder().setAnswerApplication(AnswerApplication.newBuilder()
        .setGroupId("g").setApplicant("u").setAccept(true)).build());
    assertEquals(MemberOutcomeKind.MEMBER_DONE, r.getOutcomes(0).getKind());
    assertTrue(isMember(TENCENT, "g", "u"));
  }

  @Test
  @DisplayName("invite: one outcome per user, refusals with their code")
  void invite() {
    group(TENCENT, "g", "tencent.Work", io.parley.server.group.GroupOptions.DEFAULTS.withMemberLimit(2), "o");
    GroupResult r = as("o", GroupRequest.newBuilder().setInvite(InviteToGroup.newBuilder().setGroupId("g")
        .addUserIds("x").addUserIds("y")).build());
    assertEquals(MemberOutcomeKind.MEMBER_DONE, r.getOutcomes(0).getKind());
    assertEquals(MemberOutcomeKind.MEMBER_REFUSED, r.getOutcomes(1).getKind());
    assertEquals(GroupCodes.MEMBER_LIMIT_REACHED, r.getOutcomes(1).getCode());
  }

  @Test
  @DisplayName("answer_invitation: the invitee answers as the caller")
  void answerInvitation() {
    service.create(NETEASE, Caller.APP_SERVER, NewGroup.of("t", "", "o", "", List.of()));
    service.invite(NETEASE, user("o"), "t", List.of("x"), "");
    GroupResult r = frames.handle(NETEASE, "x", GroupRequest.newBuilder().setAnswerInvitation(AnswerInvitation
        .newBuilder().setGroupId("t").setInviter("o").setAccept(true)).build());
    assertEquals(MemberOutcomeKind.MEMBER_DONE, r.getOutcomes(0).getKind());
    assertTrue(isMember(NETEASE, "t", "x"));
  }

  @Test
  @DisplayName("quit: the caller leaves")
  void quit() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    as("m", GroupRequest.newBuilder().setQuit(QuitGroup.newBuilder().setGroupId("g")).build());
    assertFalse(isMember(TENCENT, "g", "m"));
  }

  @Test
  @DisplayName("kick: one outcome per user")
  void kick() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    GroupResult r = as("o", GroupRequest.newBuilder().setKick(KickFromGroup.newBuilder().setGroupId("g")
        .addUserIds("m")).build());
    assertEquals(MemberOutcomeKind.MEMBER_DONE, r.getOutcomes(0).getKind());
    assertFalse(isMember(TENCENT, "g", "m"));
  }

  @Test
  @DisplayName("dismiss: the group is gone; a refusal stays an exception")
  void dismiss() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    GroupRequest req = GroupRequest.newBuilder().setDismiss(DismissGroup.newBuilder().setGroupId("g")).build();
    refused(GroupCodes.NOT_PERMITTED, () -> as("m", req));
    as("o", req);
    assertTrue(service.get(TENCENT, List.of("g")).isEmpty());
  }

  @Test
  @DisplayName("transfer: the new owner owns it")
  void transfer() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    as("o", GroupRequest.newBuilder().setTransfer(TransferOwner.newBuilder().setGroupId("g").setNewOwner("m"))
        .build());
    assertEquals(Role.OWNER, roleOf(TENCENT, "g", "m"));
  }

  @Test
  @DisplayName("set_admin: the member becomes an admin")
  void setAdmin() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    as("o", GroupRequest.newBuilder().setSetAdmin(SetAdmin.newBuilder().setGroupId("g").setUserId("m")
        .setAdmin(true)).build());
    assertEquals(Role.ADMIN, roleOf(TENCENT, "g", "m"));
  }

  @Test
  @DisplayName("mute: seconds become a deadline, one outcome per user")
  void mute() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    GroupResult r = as("o", GroupRequest.newBuilder().setMute(MuteMembers.newBuilder().setGroupId("g")
        .addUserIds("m").setSeconds(30)).build());
    assertEquals(MemberOutcomeKind.MEMBER_DONE, r.getOutcomes(0).getKind());
    assertEquals(clock.millis() + 30_000, groups.member(TENCENT, "g", "m").orElseThrow().muteUntilMillis());
  }

  @Test
  @DisplayName("mute_all: the level is stored")
  void muteAll() {
    group(TENCENT, "g", "tencent.Public", "o");
    as("o", GroupRequest.newBuilder().setMuteAll(MuteAllMembers.newBuilder().setGroupId("g")
        .setLevel(GroupMuteAll.GROUP_MUTE_ALL_MEMBERS)).build());
    assertEquals(MuteAll.MEMBERS, service.get(TENCENT, List.of("g")).get(0).record().muteAll());
  }

  @Test
  @DisplayName("modify: only the fields set change, the group comes back")
  void modify() {
    group(TENCENT, "g", "tencent.Public", "o");
    GroupResult r = as("o", GroupRequest.newBuilder().setModify(ModifyGroup.newBuilder().setGroupId("g")
        .setNotification("B")).build());
    assertEquals("B", r.getGroups(0).getNotification());
    assertEquals("G g", r.getGroups(0).getName());
    assertEquals(1, events.lastTip().getChangesCount());
  }

  @Test
  @DisplayName("set_member_info: the caller's own name card")
  void setMemberInfo() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    as("m", GroupRequest.newBuilder().setSetMemberInfo(SetMemberInfo.newBuilder().setGroupId("g").setUserId("m")
        .setNameCard("card")).build());
    assertEquals("card", groups.member(TENCENT, "g", "m").orElseThrow().nameCard());
  }

  @Test
  @DisplayName("set_receive_option: stored for the caller")
  void setReceiveOption() {
    group(TENCENT, "g", "tencent.Public", "o", "m");
    as("m", GroupRequest.newBuilder().setSetReceiveOption(SetReceiveOption.newBuilder().setGroupId("g")
        .setReceive(GroupReceiveOption.GROUP_RECEIVE_SILENT)).build());
    assertEquals(ReceiveOption.SILENT, groups.member(TENCENT, "g", "m").orElseThrow().receive());
  }

  @Test
  @DisplayName("a request without an op is an IllegalArgumentException")
  void noOp() {
    assertThrows(IllegalArgumentException.class, () -> as("o", GroupRequest.getDefaultInstance()));
  }
}
