package io.parley.server.vendor.rongcloud;

import io.parley.server.group.GroupCodes;
import io.parley.server.groupops.GroupRefused;

/**
 * The core's group refusals as Rongcloud answers: the Server API has no group-specific codes, so each is a 1002
 * (parameter error) whose message names the rule; the core's message is kept after the vendor-style lead.
 */
final class GroupRefusals {
  private GroupRefusals() {}

  static RongcloudRestException of(GroupRefused r) {
    String lead = switch (r.code()) {
      case GroupCodes.NO_SUCH_GROUP -> "groupId: no such group: ";
      case GroupCodes.MEMBER_LIMIT_REACHED -> "userId: the group is full (3000 members at most): ";
      case GroupCodes.NOT_A_MEMBER -> "userId: not a member: ";
      case GroupCodes.BAD_MUTE_DURATION -> "minute: ";
      default -> "";
    };
    return new RongcloudRestException(RongcloudCode.PARAMETER, lead + r.getMessage());
  }
}
