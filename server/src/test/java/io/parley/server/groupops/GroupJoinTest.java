package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.Admission;
import io.parley.server.group.Consent;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupOptions;
import io.parley.server.store.PendingRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupJoinTest extends GroupsFixture {

  @Test
  @DisplayName("applying to a free group joins at once with a JOINED tip")
  void applyFree() {
    group(TENCENT, "g1", "tencent.Meeting", "o");
    MemberResult r = service.apply(TENCENT, "u", "g1", "hi");
    assertEquals(MemberResult.Kind.DONE, r.kind());
    assertTrue(isMember(TENCENT, "g1", "u"));
    GroupTip tip = events.lastTip();
    assertEquals(GroupTipType.GROUP_TIP_JOINED, tip.getType());
    assertEquals(List.of("u"), tip.getUsersList());
    assertEquals("u", tip.getOperator());
    assertEquals(2, tip.getMemberCount());
    assertEquals(clock.millis(), tip.getServerTimeMs());
  }

  @Test
  @DisplayName("applying twice says already a member")
  void applyAlready() {
    group(TENCENT, "g1", "tencent.Meeting", "o", "u");
    assertEquals(MemberResult.Kind.ALREADY, service.apply(TENCENT, "u", "g1", "").kind());
  }

  @Test
  @DisplayName("applying to an approval group leaves a request and tells the owner and admins, who approve it")
  void applyApprove() {
    group(TENCENT, "g1", "tencent.Public", "o", "a", "m");
    service.setAdmin(TENCENT, user("o"), "g1", "a", true);
    events.clear();
    assertEquals(MemberResult.Kind.PENDING_APPROVAL, service.apply(TENCENT, "u", "g1", "let me in").kind());
    assertFalse(isMember(TENCENT, "g1", "u"));
    RecordingEvents.Note req = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST);
    assertEquals(List.of("o", "a"), req.users());
    assertEquals("let me in", req.notification().getReason());
    assertEquals(clock.millis() + Duration.ofDays(7).toMillis(), req.notification().getExpiresAtMs());
    assertEquals(1, service.pendingRequests(TENCENT, user("a"), "g1").size());

    MemberResult r = service.answerApplication(TENCENT, user("a"), "g1", "u", true, "welcome");
    assertEquals(MemberResult.Kind.DONE, r.kind());
    assertTrue(isMember(TENCENT, "g1", "u"));
    assertEquals(List.of("u"), events.lastTip().getUsersList());
    RecordingEvents.Note done = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_REQUEST_PROCESSED);
    assertEquals(List.of("u"), done.users());
    assertTrue(done.notification().getAccepted());
    assertEquals(List.of(), service.pendingRequests(TENCENT, user("o"), "g1"));
  }

  @Test
  @DisplayName("a refused application leaves the user out and tells it why")
  void applyRefuse() {
    group(TENCENT, "g1", "tencent.Public", "o");
    service.apply(TENCENT, "u", "g1", "");
    service.answerApplication(TENCENT, user("o"), "g1", "u", false, "not now");
    assertFalse(isMember(TENCENT, "g1", "u"));
    RecordingEvents.Note done = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_REQUEST_PROCESSED);
    assertFalse(done.notification().getAccepted());
    assertEquals("not now", done.notification().getReason());
    assertEquals(List.of(), events.tips);
    refused(GroupCodes.NO_SUCH_REQUEST, () -> service.answerApplication(TENCENT, user("o"), "g1", "u", true, ""));
  }

  @Test
  @DisplayName("a plain member may not answer applications, nor list them")
  void memberMayNotApprove() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    service.apply(TENCENT, "u", "g1", "");
    refused(GroupCodes.NOT_PERMITTED, () -> service.answerApplication(TENCENT, user("m"), "g1", "u", true, ""));
    refused(GroupCodes.NOT_PERMITTED, () -> service.pendingRequests(TENCENT, user("m"), "g1"));
  }

  @Test
  @DisplayName("an application past its time is refused as expired and no longer listed")
  void expired() {
    group(TENCENT, "g1", "tencent.Public", "o");
    service.apply(TENCENT, "u", "g1", "");
    advance(Duration.ofDays(7));
    assertEquals(List.of(), service.pendingRequests(TENCENT, user("o"), "g1"));
    refused(GroupCodes.REQUEST_EXPIRED, () -> service.answerApplication(TENCENT, user("o"), "g1", "u", true, ""));
    assertFalse(isMember(TENCENT, "g1", "u"));
  }

  @Test
  @DisplayName("a group that takes no applications refuses them")
  void applyDisabled() {
    group(TENCENT, "g1", "tencent.Work", "o");
    refused(GroupCodes.APPLY_DISABLED, () -> service.apply(TENCENT, "u", "g1", ""));
  }

  @Test
  @DisplayName("applying to a full free group is refused")
  void applyFull() {
    group(TENCENT, "g1", "tencent.Community", GroupOptions.DEFAULTS.withMemberLimit(2), "o", "m");
    refused(GroupCodes.MEMBER_LIMIT_REACHED, () -> service.apply(TENCENT, "u", "g1", ""));
  }

  @Test
  @DisplayName("a Work group member invites directly: the invitees join with one INVITED tip")
  void inviteDirect() {
    group(TENCENT, "g1", "tencent.Work", "o", "m");
    List<MemberResult> r = service.invite(TENCENT, user("m"), "g1", List.of("x", "y", "o"), "");
    assertEquals(List.of(MemberResult.Kind.DONE, MemberResult.Kind.DONE, MemberResult.Kind.ALREADY),
        r.stream().map(MemberResult::kind).toList());
    GroupTip tip = events.lastTip();
    assertEquals(GroupTipType.GROUP_TIP_INVITED, tip.getType());
    assertEquals(List.of("x", "y"), tip.getUsersList());
    assertEquals("m", tip.getOperator());
    assertEquals(4, tip.getMemberCount());
  }

  @Test
  @DisplayName("a NetEase invitee must agree: an INVITATION, then joining on acceptance and the inviter is told")
  void inviteConsent() {
    group(NETEASE, "t1", "netease.advanced", "o");
    List<MemberResult> r = service.invite(NETEASE, user("o"), "t1", List.of("x"), "join us");
    assertEquals(MemberResult.Kind.PENDING_CONSENT, r.get(0).kind());
    assertFalse(isMember(NETEASE, "t1", "x"));
    RecordingEvents.Note inv = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_INVITATION);
    assertEquals(List.of("x"), inv.users());
    assertEquals("o", inv.notification().getOperator());

    assertEquals(MemberResult.Kind.DONE, service.answerInvitation(NETEASE, "x", "t1", "o", true, "").kind());
    assertTrue(isMember(NETEASE, "t1", "x"));
    assertEquals(GroupTipType.GROUP_TIP_INVITED, events.lastTip().getType());
    RecordingEvents.Note ans = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_INVITATION_ANSWERED);
    assertEquals(List.of("o"), ans.users());
    assertTrue(ans.notification().getAccepted());
  }

  @Test
  @DisplayName("an invitation whose consent the caller states overrides the group's: waived joins at once, required waits")
  void inviteStatedConsent() {
    group(NETEASE, "t1", "netease.advanced", "o");
    List<MemberResult> waived = service.invite(NETEASE, user("o"), "t1", List.of("x"), "", Consent.NOT_NEEDED);
    assertEquals(MemberResult.Kind.DONE, waived.get(0).kind());
    assertTrue(isMember(NETEASE, "t1", "x"));
    assertEquals(GroupTipType.GROUP_TIP_INVITED, events.lastTip().getType());

    group(NETEASE, "t2", "netease.advanced", "o");
    service.setOptions(NETEASE, user("o"), "t2", GroupOptions.DEFAULTS.withInviteeConsent(Consent.NOT_NEEDED));
    List<MemberResult> required = service.invite(NETEASE, user("o"), "t2", List.of("y"), "", Consent.NEEDED);
    assertEquals(MemberResult.Kind.PENDING_CONSENT, required.get(0).kind());
    assertFalse(isMember(NETEASE, "t2", "y"));
    assertEquals(MemberResult.Kind.DONE, service.answerInvitation(NETEASE, "y", "t2", "o", true, "").kind());
    assertTrue(isMember(NETEASE, "t2", "y"));
  }

  @Test
  @DisplayName("a declined invitation leaves the invitee out; a second answer finds no invitation")
  void inviteDeclined() {
    group(NETEASE, "t1", "netease.advanced", "o");
    service.invite(NETEASE, user("o"), "t1", List.of("x"), "");
    service.answerInvitation(NETEASE, "x", "t1", "", false, "no thanks");
    assertFalse(isMember(NETEASE, "t1", "x"));
    assertFalse(events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_INVITATION_ANSWERED).notification()
        .getAccepted());
    refused(GroupCodes.NO_SUCH_REQUEST, () -> service.answerInvitation(NETEASE, "x", "t1", "", true, ""));
  }

  @Test
  @DisplayName("an invitation past its time is refused as expired")
  void inviteExpired() {
    group(NETEASE, "t1", "netease.advanced", "o");
    service.invite(NETEASE, user("o"), "t1", List.of("x"), "");
    advance(Duration.ofDays(8));
    refused(GroupCodes.REQUEST_EXPIRED, () -> service.answerInvitation(NETEASE, "x", "t1", "o", true, ""));
  }

  @Test
  @DisplayName("a member's invitation into a Yuntongxun private group waits for the owner's approval")
  void inviteApproval() {
    group(YUNTONGXUN, "p1", "yuntongxun.private", "o", "m");
    List<MemberResult> r = service.invite(YUNTONGXUN, user("m"), "p1", List.of("x"), "friend");
    assertEquals(MemberResult.Kind.PENDING_APPROVAL, r.get(0).kind());
    RecordingEvents.Note n = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_INVITED_APPROVAL);
    assertEquals(List.of("o"), n.users());
    assertEquals("x", n.notification().getUserId());
    List<PendingRequest> pending = service.pendingRequests(YUNTONGXUN, user("o"), "p1");
    assertEquals(PendingRequest.Kind.INVITATION_APPROVAL, pending.get(0).kind());
    assertEquals("m", pending.get(0).inviter());

    service.answerApplication(YUNTONGXUN, user("o"), "p1", "x", true, "");
    assertTrue(isMember(YUNTONGXUN, "p1", "x"));
    assertEquals(GroupTipType.GROUP_TIP_INVITED, events.lastTip().getType());
    assertEquals("m", events.lastTip().getOperator());
    assertEquals(List.of("m"), events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_REQUEST_PROCESSED).users());
  }

  @Test
  @DisplayName("the owner's own invitation into a private group needs no approval")
  void ownerInvitesDirectly() {
    group(YUNTONGXUN, "p1", "yuntongxun.private", "o");
    assertEquals(MemberResult.Kind.DONE, service.invite(YUNTONGXUN, user("o"), "p1", List.of("x"), "").get(0).kind());
  }

  @Test
  @DisplayName("when the limit is reached mid-invite, the users past it are refused one by one")
  void limitMidInvite() {
    group(TENCENT, "g1", "tencent.Work", GroupOptions.DEFAULTS.withMemberLimit(3), "o", "m");
    List<MemberResult> r = service.invite(TENCENT, user("o"), "g1", List.of("x", "y", "z"), "");
    assertEquals(MemberResult.Kind.DONE, r.get(0).kind());
    assertEquals(MemberResult.Kind.REFUSED, r.get(1).kind());
    assertEquals(GroupCodes.MEMBER_LIMIT_REACHED, r.get(1).code());
    assertEquals(MemberResult.Kind.REFUSED, r.get(2).kind());
    assertEquals(3, groups.memberCount(TENCENT, "g1"));
    assertEquals(List.of("x"), events.lastTip().getUsersList());
  }

  @Test
  @DisplayName("a caller who may not invite is refused as a whole (an outsider; members of a DisableInvite group)")
  void inviterRefused() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    refused(GroupCodes.NOT_A_MEMBER, () -> service.invite(TENCENT, user("stranger"), "g1", List.of("x"), ""));
    refused(GroupCodes.INVITE_DISABLED, () -> service.invite(TENCENT, user("m"), "g1", List.of("x"), ""));
  }

  @Test
  @DisplayName("members' invitations under NeedPermission wait for approval; the app server's do not")
  void tencentInviteApproval() {
    group(TENCENT, "g1", "tencent.Public", GroupOptions.DEFAULTS.withInvite(Admission.APPROVAL), "o", "m");
    assertEquals(MemberResult.Kind.PENDING_APPROVAL,
        service.invite(TENCENT, user("m"), "g1", List.of("x"), "").get(0).kind());
    assertEquals(MemberResult.Kind.DONE,
        service.invite(TENCENT, Caller.APP_SERVER, "g1", List.of("y"), "").get(0).kind());
    assertEquals("", events.lastTip().getOperator());
  }
}
