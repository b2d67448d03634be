package io.parley.server.vendor.netease;

import io.parley.server.group.GroupCodes;
import io.parley.server.groupops.GroupRefused;

/** The group core's refusals as NetEase team codes (801 full, 802 no permission, 803 no team, 804 not in team, …). */
final class TeamRefusals {
  private TeamRefusals() {}

  /** The NetEase code for a GroupCodes code. */
  static int code(int groupCode) {
    switch (groupCode) {
      case GroupCodes.NO_SUCH_GROUP:
        return NeteaseCodes.TEAM_NOT_EXIST;
      case GroupCodes.NOT_A_MEMBER:
        return NeteaseCodes.NOT_IN_TEAM;
      case GroupCodes.ALREADY_MEMBER:
        return NeteaseCodes.ALREADY_IN_TEAM;
      case GroupCodes.MEMBER_LIMIT_REACHED:
      case GroupCodes.BAD_MEMBER_LIMIT:
        return NeteaseCodes.TEAM_MEMBER_LIMIT;
      case GroupCodes.TARGET_ROLE_MISMATCH:
        return NeteaseCodes.MEMBER_STATUS;
      case GroupCodes.ROLE_NOT_IN_KIND:
      case GroupCodes.NOT_SUPPORTED:
      case GroupCodes.NOT_PERMITTED:
      case GroupCodes.TARGET_OUTRANKS:
      case GroupCodes.OWNER_PROTECTED:
      case GroupCodes.APPLY_DISABLED:
      case GroupCodes.INVITE_DISABLED:
      case GroupCodes.OWNER_CANNOT_QUIT:
      case GroupCodes.MUTED:
      case GroupCodes.MUTED_ALL:
        return NeteaseCodes.TEAM_NO_PERMISSION;
      case GroupCodes.NO_SUCH_REQUEST:
      case GroupCodes.REQUEST_EXPIRED:
        return NeteaseCodes.NOT_FOUND;
      case GroupCodes.REFUSED_BY_APP:
        return NeteaseCodes.NO_PERMISSION;
      default:
        return NeteaseCodes.PARAMETER;
    }
  }

  /** The refusal as a NetEase answer, its message kept as {@code desc}. */
  static NeteaseRestException of(GroupRefused r) {
    return new NeteaseRestException(code(r.code()), r.getMessage());
  }
}
