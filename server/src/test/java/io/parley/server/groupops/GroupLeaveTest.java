package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.GroupCodes;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupLeaveTest extends GroupsFixture {

  @Test
  @DisplayName("a member quits: gone, and the QUIT tip also reaches the quitter")
  void quit() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    service.quit(TENCENT, "m", "g1");
    assertFalse(isMember(TENCENT, "g1", "m"));
    assertEquals(GroupTipType.GROUP_TIP_QUIT, events.lastTip().getType());
    assertEquals(List.of("m"), events.tips.get(0).alsoTell());
    assertEquals(1, events.lastTip().getMemberCount());
  }

  @Test
  @DisplayName("the owner of a Public group may not quit; the owner of a Work group may, leaving it without one")
  void ownerQuit() {
    group(TENCENT, "p", "tencent.Public", "o", "m");
    refused(GroupCodes.OWNER_CANNOT_QUIT, () -> service.quit(TENCENT, "o", "p"));
    group(TENCENT, "w", "tencent.Work", "o", "m");
    service.quit(TENCENT, "o", "w");
    assertEquals("", service.get(TENCENT, List.of("w")).get(0).record().owner());
  }

  @Test
  @DisplayName("quitting a group one is not in is refused")
  void quitOutsider() {
    group(TENCENT, "g1", "tencent.Public", "o");
    refused(GroupCodes.NOT_A_MEMBER, () -> service.quit(TENCENT, "x", "g1"));
  }

  @Test
  @DisplayName("kicking follows rank: an admin removes members but not admins or the owner; removed users are told")
  void kickRanks() {
    group(TENCENT, "g1", "tencent.Public", "o", "a1", "a2", "m", "n");
    service.setAdmin(TENCENT, user("o"), "g1", "a1", true);
    service.setAdmin(TENCENT, user("o"), "g1", "a2", true);
    events.clear();
    List<MemberResult> r = service.kick(TENCENT, user("a1"), "g1", List.of("m", "a2", "o", "ghost"), "spam");
    assertEquals(List.of(MemberResult.Kind.DONE, MemberResult.Kind.REFUSED, MemberResult.Kind.REFUSED,
        MemberResult.Kind.ALREADY), r.stream().map(MemberResult::kind).toList());
    assertEquals(GroupCodes.TARGET_OUTRANKS, r.get(1).code());
    assertEquals(GroupCodes.OWNER_PROTECTED, r.get(2).code());
    assertFalse(isMember(TENCENT, "g1", "m"));
    GroupTip tip = events.lastTip();
    assertEquals(GroupTipType.GROUP_TIP_KICKED, tip.getType());
    assertEquals(List.of("m"), tip.getUsersList());
    assertEquals(List.of("m"), events.tips.get(0).alsoTell());
    RecordingEvents.Note n = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_REMOVED);
    assertEquals(List.of("m"), n.users());
    assertEquals("spam", n.notification().getReason());
  }

  @Test
  @DisplayName("a plain member may not kick at all")
  void memberMayNotKick() {
    group(TENCENT, "g1", "tencent.Public", "o", "m", "n");
    refused(GroupCodes.NOT_PERMITTED, () -> service.kick(TENCENT, user("m"), "g1", List.of("n"), ""));
  }

  @Test
  @DisplayName("dismissing tells every member, then the group, its members and its requests are gone")
  void dismiss() {
    group(TENCENT, "g1", "tencent.Public", "o", "a", "b");
    service.apply(TENCENT, "u", "g1", "");
    events.clear();
    service.dismiss(TENCENT, user("o"), "g1");
    assertEquals(List.of("a", "b", "o"), events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_DISMISSED).users());
    assertEquals(List.of(), service.get(TENCENT, List.of("g1")));
    assertEquals(List.of(), groups.requests(TENCENT, "g1"));
    assertEquals(List.of(), service.groupsOf(TENCENT, "a"));
    refused(GroupCodes.NO_SUCH_GROUP, () -> service.apply(TENCENT, "u", "g1", ""));
  }

  @Test
  @DisplayName("a Work group is dismissed only by the app server")
  void workDismiss() {
    group(TENCENT, "w", "tencent.Work", "o");
    refused(GroupCodes.NOT_PERMITTED, () -> service.dismiss(TENCENT, user("o"), "w"));
    service.dismiss(TENCENT, Caller.APP_SERVER, "w");
    assertTrue(service.get(TENCENT, List.of("w")).isEmpty());
  }
}
