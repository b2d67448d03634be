package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.MuteAll;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GroupMuteTest extends GroupsFixture {

  @Test
  @DisplayName("a member muted for 60 s may not send until 60 s have passed")
  void muteExpires() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    List<MemberResult> r = service.mute(TENCENT, user("o"), "g1", List.of("m"), 60);
    assertEquals(MemberResult.Kind.DONE, r.get(0).kind());
    GroupTip tip = events.lastTip();
    assertEquals(GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED, tip.getType());
    assertEquals(60, tip.getMuteSeconds());
    assertEquals(List.of("m"), tip.getUsersList());
    refused(GroupCodes.MUTED, () -> service.authorizeSend(TENCENT, "g1", "m"));
    advance(Duration.ofSeconds(59));
    refused(GroupCodes.MUTED, () -> service.authorizeSend(TENCENT, "g1", "m"));
    advance(Duration.ofSeconds(1));
    assertEquals("g1", service.authorizeSend(TENCENT, "g1", "m").record().groupId());
  }

  @Test
  @DisplayName("muting for 0 s lifts a mute")
  void unmute() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    service.mute(TENCENT, user("o"), "g1", List.of("m"), 600);
    service.mute(TENCENT, user("o"), "g1", List.of("m"), 0);
    assertEquals(0, events.lastTip().getMuteSeconds());
    service.authorizeSend(TENCENT, "g1", "m");
  }

  @Test
  @DisplayName("a mute survives quitting and rejoining")
  void muteSurvivesRejoin() {
    group(TENCENT, "g1", "tencent.Meeting", "o", "m");
    service.mute(TENCENT, user("o"), "g1", List.of("m"), 3600);
    service.quit(TENCENT, "m", "g1");
    service.apply(TENCENT, "m", "g1", "");
    refused(GroupCodes.MUTED, () -> service.authorizeSend(TENCENT, "g1", "m"));
  }

  @Test
  @DisplayName("muting a non-member or a higher role is refused per user; a kind without mutes refuses as a whole")
  void muteRefusals() {
    group(TENCENT, "g1", "tencent.Public", "o", "a", "m");
    service.setAdmin(TENCENT, user("o"), "g1", "a", true);
    List<MemberResult> r = service.mute(TENCENT, user("a"), "g1", List.of("ghost", "o"), 10);
    assertEquals(GroupCodes.NOT_A_MEMBER, r.get(0).code());
    assertEquals(GroupCodes.OWNER_PROTECTED, r.get(1).code());
    group(TENCENT, "w", "tencent.Work", "o", "m");
    refused(GroupCodes.NOT_SUPPORTED, () -> service.mute(TENCENT, user("o"), "w", List.of("m"), 10));
  }

  @ParameterizedTest(name = "{0}: member may send {1}, admin {2}, owner {3}")
  @CsvSource({"OFF, true, true, true", "MEMBERS, false, true, true", "EVERYONE, false, false, false"})
  @DisplayName("a whole-group mute silences the roles its level names")
  void muteAllLevels(MuteAll level, boolean member, boolean admin, boolean owner) {
    group(NETEASE, "t", "netease.advanced", "o", "a", "m");
    service.setAdmin(NETEASE, user("o"), "t", "a", true);
    service.muteAll(NETEASE, user("o"), "t", level);
    GroupTip tip = events.lastTip();
    assertEquals(GroupInfoChangeType.GROUP_CHANGE_MUTE_ALL, tip.getChanges(0).getType());
    assertEquals(level.name(), tip.getChanges(0).getValue());
    assertEquals(level, service.get(NETEASE, List.of("t")).get(0).record().muteAll());
    assertSend(member, "m");
    assertSend(admin, "a");
    assertSend(owner, "o");
  }

  @Test
  @DisplayName("a whole-group mute level the kind does not have is refused (everyone, in Tencent)")
  void muteAllLevelNotInKind() {
    group(TENCENT, "g1", "tencent.Public", "o");
    refused(GroupCodes.MUTE_LEVEL_NOT_SUPPORTED, () -> service.muteAll(TENCENT, user("o"), "g1", MuteAll.EVERYONE));
  }

  @Test
  @DisplayName("an outsider may not send; the app server may send in anyone's name, even a muted member's")
  void sendPermissions() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    refused(GroupCodes.NOT_A_MEMBER, () -> service.authorizeSend(TENCENT, "g1", "x"));
    service.mute(TENCENT, user("o"), "g1", List.of("m"), 60);
    assertEquals("tencent.Public", service.authorizeSend(TENCENT, Caller.APP_SERVER, "g1", "m").kind().id());
    refused(GroupCodes.NO_SUCH_GROUP, () -> service.authorizeSend(TENCENT, "nope", "m"));
  }

  private void assertSend(boolean allowed, String who) {
    if (allowed) {
      service.authorizeSend(NETEASE, "t", who);
    } else {
      refused(GroupCodes.MUTED_ALL, () -> service.authorizeSend(NETEASE, "t", who));
    }
  }
}
