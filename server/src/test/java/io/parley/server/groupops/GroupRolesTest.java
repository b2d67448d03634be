package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.Role;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupRolesTest extends GroupsFixture {

  @Test
  @DisplayName("transferring ownership makes the new owner OWNER, the old one a member, with an OWNER change tip")
  void transfer() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    service.transferOwner(TENCENT, user("o"), "g1", "m");
    assertEquals(Role.OWNER, roleOf(TENCENT, "g1", "m"));
    assertEquals(Role.MEMBER, roleOf(TENCENT, "g1", "o"));
    assertEquals("m", service.get(TENCENT, List.of("g1")).get(0).record().owner());
    GroupTip tip = events.lastTip();
    assertEquals(GroupTipType.GROUP_TIP_INFO_CHANGED, tip.getType());
    assertEquals(GroupInfoChangeType.GROUP_CHANGE_OWNER, tip.getChanges(0).getType());
    assertEquals("m", tip.getChanges(0).getValue());
    assertEquals("o", tip.getOperator());
  }

  @Test
  @DisplayName("only the owner transfers, and only to a member")
  void transferRefused() {
    group(TENCENT, "g1", "tencent.Public", "o", "m", "n");
    refused(GroupCodes.NOT_PERMITTED, () -> service.transferOwner(TENCENT, user("m"), "g1", "n"));
    refused(GroupCodes.NOT_A_MEMBER, () -> service.transferOwner(TENCENT, user("o"), "g1", "stranger"));
  }

  @Test
  @DisplayName("the owner sets and unsets an admin, each with its tip")
  void admins() {
    group(TENCENT, "g1", "tencent.Public", "o", "m");
    service.setAdmin(TENCENT, user("o"), "g1", "m", true);
    assertEquals(Role.ADMIN, roleOf(TENCENT, "g1", "m"));
    assertEquals(GroupTipType.GROUP_TIP_ADMIN_SET, events.lastTip().getType());
    assertEquals(List.of("m"), events.lastTip().getUsersList());
    service.setAdmin(TENCENT, user("o"), "g1", "m", false);
    assertEquals(Role.MEMBER, roleOf(TENCENT, "g1", "m"));
    assertEquals(GroupTipType.GROUP_TIP_ADMIN_UNSET, events.lastTip().getType());
  }

  @Test
  @DisplayName("a kind without admins refuses to appoint one")
  void noAdminsInWork() {
    group(TENCENT, "w", "tencent.Work", "o", "m");
    refused(GroupCodes.NOT_SUPPORTED, () -> service.setAdmin(TENCENT, user("o"), "w", "m", true));
  }
}
