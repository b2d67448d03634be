package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoomMembersTest extends GroupsFixture {

  @Test
  @DisplayName("AVChatRoom members join and quit in memory; the store keeps the group but no member keys")
  void roomInMemory() {
    group(TENCENT, "live", "tencent.AVChatRoom", "host");
    assertEquals(MemberResult.Kind.DONE, service.apply(TENCENT, "fan", "live", "").kind());
    assertEquals(GroupTipType.GROUP_TIP_JOINED, events.lastTip().getType());
    assertEquals(2, service.get(TENCENT, List.of("live")).get(0).memberCount());
    assertEquals(List.of("fan", "host"), service.members(TENCENT, user("fan"), "live", Optional.empty(), "", 0)
        .members().stream().map(m -> m.userId()).toList());
    assertEquals(0, groups.memberCount(TENCENT, "live"));
    assertEquals(List.of(), groups.members(TENCENT, "live", null, 100).members());
    assertFalse(isMember(TENCENT, "live", "fan"));
    assertTrue(groups.group(TENCENT, "live").isPresent());
    assertEquals(List.of(), service.groupsOf(TENCENT, "fan"));
    service.authorizeSend(TENCENT, "live", "fan");

    service.quit(TENCENT, "fan", "live");
    assertEquals(1, service.get(TENCENT, List.of("live")).get(0).memberCount());
    refused(GroupCodes.NOT_A_MEMBER, () -> service.authorizeSend(TENCENT, "live", "fan"));
  }

  @Test
  @DisplayName("nobody kicks from an AVChatRoom; the owner mutes instead, and the mute outlives rejoining")
  void roomMute() {
    group(TENCENT, "live", "tencent.AVChatRoom", "host");
    service.apply(TENCENT, "fan", "live", "");
    refused(GroupCodes.NOT_SUPPORTED, () -> service.kick(TENCENT, user("host"), "live", List.of("fan"), ""));
    service.mute(TENCENT, user("host"), "live", List.of("fan"), 60);
    service.quit(TENCENT, "fan", "live");
    service.apply(TENCENT, "fan", "live", "");
    refused(GroupCodes.MUTED, () -> service.authorizeSend(TENCENT, "live", "fan"));
  }

  @Test
  @DisplayName("a room's member limit holds")
  void roomLimit() {
    group(TENCENT, "live", "tencent.AVChatRoom", GroupOptions.DEFAULTS.withMemberLimit(2), "host");
    service.apply(TENCENT, "a", "live", "");
    refused(GroupCodes.MEMBER_LIMIT_REACHED, () -> service.apply(TENCENT, "b", "live", ""));
  }

  @Test
  @DisplayName("dismissing a room tells who is in it and forgets them")
  void roomDismiss() {
    group(TENCENT, "live", "tencent.AVChatRoom", "host");
    service.apply(TENCENT, "fan", "live", "");
    service.dismiss(TENCENT, user("host"), "live");
    assertEquals(List.of("fan", "host"), events.notes.get(events.notes.size() - 1).users());
    group(TENCENT, "live", "tencent.AVChatRoom", "host2");
    assertEquals(1, service.get(TENCENT, List.of("live")).get(0).memberCount());
  }

  @Test
  @DisplayName("after a restart a room is empty, but its owner still acts as owner and members can join again")
  void roomAfterRestart() {
    group(TENCENT, "live", "tencent.AVChatRoom", "host");
    service.apply(TENCENT, "fan", "live", "");
    GroupService restarted = new GroupService(groups, events, KINDS, clock, GroupSettings.DEFAULTS);
    assertEquals(0, restarted.get(TENCENT, List.of("live")).get(0).memberCount());
    restarted.muteAll(TENCENT, user("host"), "live", io.parley.server.group.MuteAll.MEMBERS);
    assertEquals(MemberResult.Kind.DONE, restarted.apply(TENCENT, "fan", "live", "").kind());
    refused(GroupCodes.MUTED_ALL, () -> restarted.authorizeSend(TENCENT, "live", "fan"));
  }
}
