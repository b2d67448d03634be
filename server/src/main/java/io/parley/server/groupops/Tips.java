package io.parley.server.groupops;

import io.parley.protocol.v1.GroupInfoChange;
import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import java.util.Collection;
import java.util.List;

/** Builders of the tips and notifications the service sends; seqs and message ids are left to the store. */
final class Tips {
  private Tips() {}

  static GroupTip tip(String groupId, GroupTipType type, Caller operator, Collection<String> users, long nowMillis,
      long memberCount) {
    return GroupTip.newBuilder().setGroupId(groupId).setType(type).setOperator(operator.userId())
        .addAllUsers(users).setServerTimeMs(nowMillis).setMemberCount(count(memberCount)).build();
  }

  static GroupTip infoChanged(String groupId, Caller operator, List<GroupInfoChange> changes, long nowMillis,
      long memberCount) {
    return GroupTip.newBuilder().setGroupId(groupId).setType(GroupTipType.GROUP_TIP_INFO_CHANGED)
        .setOperator(operator.userId()).addAllChanges(changes).setServerTimeMs(nowMillis)
        .setMemberCount(count(memberCount)).build();
  }

  static GroupInfoChange change(GroupInfoChangeType type, String value) {
    return GroupInfoChange.newBuilder().setType(type).setValue(value).build();
  }

  static GroupInfoChange custom(String key, String value) {
    return GroupInfoChange.newBuilder().setType(GroupInfoChangeType.GROUP_CHANGE_CUSTOM).setKey(key).setValue(value)
        .build();
  }

  static GroupNotification.Builder notification(String groupId, String groupName, GroupNotificationType type,
      String operator, String userId, String reason, long nowMillis) {
    return GroupNotification.newBuilder().setGroupId(groupId).setGroupName(groupName).setType(type)
        .setOperator(operator).setUserId(userId).setReason(reason).setServerTimeMs(nowMillis);
  }

  private static int count(long n) {
    return (int) Math.min(n, 0xFFFF_FFFFL);
  }
}
