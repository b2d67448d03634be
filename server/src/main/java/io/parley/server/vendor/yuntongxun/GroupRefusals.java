package io.parley.server.vendor.yuntongxun;

import io.parley.server.group.GroupCodes;
import io.parley.server.groupops.GroupRefused;

/**
 * The group core's refusals as Yuntongxun {@code statusCode}s: no such group 590010, group exists 590011, already a
 * member 590012, not a member 590013, not permitted (not the owner, outranked, the owner protected) 590014, the owner
 * may not quit 590015, full 590016, forbidden to speak 590017, joining or inviting closed 590018, no such (or a
 * lapsed) application 590019, refused by the app 590020; bad input and options the kind lacks are 110141.
 */
final class GroupRefusals {
  private GroupRefusals() {}

  /** The vendor code for a core code (3000-3099). */
  static String code(int groupCode) {
    switch (groupCode) {
      case GroupCodes.NO_SUCH_GROUP:
        return YuntongxunCodes.NO_SUCH_GROUP;
      case GroupCodes.GROUP_EXISTS:
        return YuntongxunCodes.GROUP_EXISTS;
      case GroupCodes.ALREADY_MEMBER:
        return YuntongxunCodes.ALREADY_MEMBER;
      case GroupCodes.NOT_A_MEMBER:
        return YuntongxunCodes.NOT_A_MEMBER;
      case GroupCodes.NOT_PERMITTED:
      case GroupCodes.TARGET_OUTRANKS:
      case GroupCodes.OWNER_PROTECTED:
      case GroupCodes.TARGET_ROLE_MISMATCH:
        return YuntongxunCodes.NOT_PERMITTED;
      case GroupCodes.OWNER_CANNOT_QUIT:
        return YuntongxunCodes.OWNER_CANNOT_QUIT;
      case GroupCodes.MEMBER_LIMIT_REACHED:
        return YuntongxunCodes.GROUP_FULL;
      case GroupCodes.MUTED:
      case GroupCodes.MUTED_ALL:
        return YuntongxunCodes.FORBIDDEN_TO_SPEAK;
      case GroupCodes.APPLY_DISABLED:
      case GroupCodes.INVITE_DISABLED:
        return YuntongxunCodes.JOIN_CLOSED;
      case GroupCodes.NO_SUCH_REQUEST:
      case GroupCodes.REQUEST_EXPIRED:
        return YuntongxunCodes.NO_SUCH_APPLICATION;
      case GroupCodes.REFUSED_BY_APP:
        return YuntongxunCodes.REFUSED_BY_APP;
      default:
        return YuntongxunCodes.REQUEST_FORMAT;
    }
  }

  /** The refusal as the REST face answers it, its message kept. */
  static YuntongxunRestException of(GroupRefused refused) {
    return new YuntongxunRestException(code(refused.code()), refused.getMessage());
  }

  /** A per-member refusal (from an invite, kick or mute) as the REST face answers it. */
  static YuntongxunRestException of(int groupCode, String message) {
    return new YuntongxunRestException(code(groupCode), message);
  }
}
