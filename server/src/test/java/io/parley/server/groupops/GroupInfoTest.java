package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.protocol.v1.GroupInfoChange;
import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.Admission;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.ReceiveOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupInfoTest extends GroupsFixture {

  @Test
  @DisplayName("modifying info stores it and the INFO_CHANGED tip lists each change type")
  void modifyChanges() {
    group(TENCENT, "g1", "tencent.Public", "o");
    GroupView v = service.modify(TENCENT, user("o"), "g1", GroupChange.NONE.withName("N").withIntroduction("I")
        .withNotification("B").withFaceUrl("F").withApply(Admission.FREE).withCustom(Map.of("k", "v")));
    assertEquals("N", v.record().name());
    assertEquals(Map.of("k", "v"), v.record().custom());
    assertEquals(Admission.FREE, v.record().options().apply().orElseThrow());
    GroupTip tip = events.lastTip();
    assertEquals(GroupTipType.GROUP_TIP_INFO_CHANGED, tip.getType());
    assertEquals(List.of(GroupInfoChangeType.GROUP_CHANGE_NAME, GroupInfoChangeType.GROUP_CHANGE_INTRODUCTION,
        GroupInfoChangeType.GROUP_CHANGE_NOTIFICATION, GroupInfoChangeType.GROUP_CHANGE_FACE,
        GroupInfoChangeType.GROUP_CHANGE_CUSTOM, GroupInfoChangeType.GROUP_CHANGE_APPLY_OPTION),
        tip.getChangesList().stream().map(GroupInfoChange::getType).toList());
    assertEquals("k", tip.getChanges(4).getKey());
    assertEquals("N", service.get(TENCENT, List.of("g1")).get(0).record().name());
  }

  @Test
  @DisplayName("an empty custom value removes the key; no change, no tip")
  void customRemoveAndNoop() {
    group(TENCENT, "g1", "tencent.Public", "o");
    service.modify(TENCENT, user("o"), "g1", GroupChange.NONE.withCustom(Map.of("k", "v")));
    assertEquals(Map.of(), service.modify(TENCENT, user("o"), "g1", GroupChange.NONE.withCustom(Map.of("k", "")))
        .record().custom());
    events.clear();
    service.modify(TENCENT, user("o"), "g1", GroupChange.NONE);
    assertEquals(List.of(), events.tips);
  }

  @Test
  @DisplayName("who may edit follows the kind: any member of a Work group, not a plain member of a Public group")
  void editPermission() {
    group(TENCENT, "w", "tencent.Work", "o", "m");
    service.modify(TENCENT, user("m"), "w", GroupChange.NONE.withName("by member"));
    group(TENCENT, "p", "tencent.Public", "o", "m");
    refused(GroupCodes.NOT_PERMITTED, () -> service.modify(TENCENT, user("m"), "p", GroupChange.NONE.withName("x")));
  }

  @Test
  @DisplayName("a member sets its own name card (MEMBER_INFO_CHANGED tip); another's needs a higher role")
  void nameCard() {
    group(TENCENT, "g1", "tencent.Public", "o", "m", "n");
    service.setMemberInfo(TENCENT, user("m"), "g1", "m", MemberChange.nameCard("Emm"));
    assertEquals("Emm", groups.member(TENCENT, "g1", "m").orElseThrow().nameCard());
    assertEquals(GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED, events.lastTip().getType());
    assertEquals(List.of("m"), events.lastTip().getUsersList());
    refused(GroupCodes.NOT_PERMITTED, () -> service.setMemberInfo(TENCENT, user("n"), "g1", "m",
        MemberChange.nameCard("x")));
    service.setMemberInfo(TENCENT, user("o"), "g1", "m", MemberChange.nameCard("by owner"));
    assertEquals("by owner", groups.member(TENCENT, "g1", "m").orElseThrow().nameCard());
  }

  @Test
  @DisplayName("a receive option is stored and sends no tip")
  void receiveOption() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    service.setReceiveOption(TENCENT, "m", "g1", ReceiveOption.DISCARD);
    assertEquals(ReceiveOption.DISCARD, groups.member(TENCENT, "g1", "m").orElseThrow().receive());
    assertEquals(List.of(), events.tips);
    refused(GroupCodes.NOT_A_MEMBER, () -> service.setReceiveOption(TENCENT, "x", "g1", ReceiveOption.SILENT));
  }
}
