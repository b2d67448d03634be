package io.parley.server.vendor.tencent;

import io.parley.protocol.ErrorCodes;
import io.parley.server.group.GroupCodes;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.messaging.SendRefused;
import java.nio.charset.StandardCharsets;

/**
 * Group refusals in Tencent's codes (vendor notes §6; where the notes are silent, the vendor's documented group
 * codes: 10009 owner cannot quit, 10014 group full, 10017 muted), and the vendor's group id rules.
 */
final class TencentGroupErrors {
  /** Operator or target is not a member / not allowed (the vendor's 10007). */
  static final int NO_PERMISSION = TencentCodes.NO_PERMISSION;
  static final int OWNER_CANNOT_QUIT = 10009;
  static final int NO_SUCH_GROUP = 10010;
  static final int ALREADY_MEMBER = 10013;
  static final int GROUP_FULL = 10014;
  static final int BAD_GROUP_ID = 10015;
  static final int MUTED = 10017;
  static final int GROUP_ID_USED = 10021;
  static final int REFUSED_BY_CALLBACK = 20006;

  /** The longest group id, in bytes. */
  static final int MAX_GROUP_ID_BYTES = 48;
  /** The prefix of generated ids, which an app may not give itself. */
  static final String GENERATED_PREFIX = "@TGS#";

  private TencentGroupErrors() {}

  /** The Tencent code of a group rule's refusal. */
  static int code(int groupCode) {
    switch (groupCode) {
      case GroupCodes.NO_SUCH_GROUP:
        return NO_SUCH_GROUP;
      case GroupCodes.GROUP_EXISTS:
        return GROUP_ID_USED;
      case GroupCodes.ALREADY_MEMBER:
        return ALREADY_MEMBER;
      case GroupCodes.MEMBER_LIMIT_REACHED:
        return GROUP_FULL;
      case GroupCodes.OWNER_CANNOT_QUIT:
        return OWNER_CANNOT_QUIT;
      case GroupCodes.MUTED:
      case GroupCodes.MUTED_ALL:
        return MUTED;
      case GroupCodes.REFUSED_BY_APP:
        return REFUSED_BY_CALLBACK;
      case GroupCodes.NOT_A_MEMBER:
      case GroupCodes.ROLE_NOT_IN_KIND:
      case GroupCodes.NOT_SUPPORTED:
      case GroupCodes.NOT_PERMITTED:
      case GroupCodes.TARGET_OUTRANKS:
      case GroupCodes.OWNER_PROTECTED:
      case GroupCodes.TARGET_ROLE_MISMATCH:
      case GroupCodes.APPLY_DISABLED:
      case GroupCodes.INVITE_DISABLED:
        return NO_PERMISSION;
      case GroupCodes.BAD_MUTE_DURATION:
      case GroupCodes.MUTE_LEVEL_NOT_SUPPORTED:
      case GroupCodes.OPTION_NOT_SUPPORTED:
      case GroupCodes.BAD_MEMBER_LIMIT:
      case GroupCodes.NO_SUCH_REQUEST:
      case GroupCodes.REQUEST_EXPIRED:
      case GroupCodes.BAD_GROUP_INPUT:
      case GroupCodes.KIND_NOT_OF_VENDOR:
        return TencentCodes.INVALID_PARAMETER;
      default:
        return TencentCodes.SYSTEM_ERROR;
    }
  }

  /** A group rule's refusal as a REST refusal. */
  static TencentRestException of(GroupRefused r) {
    return new TencentRestException(code(r.code()), r.getMessage());
  }

  /** A refused group send: group rules as above, the app's Before callback 20006, message checks 10004. */
  static TencentRestException of(SendRefused r) {
    int code = r.code();
    if (code >= 3000 && code < 3100) {
      return new TencentRestException(code(code), r.getMessage());
    }
    switch (code) {
      case ErrorCodes.REFUSED_BY_APP:
        return new TencentRestException(REFUSED_BY_CALLBACK, r.getMessage());
      case ErrorCodes.UNAVAILABLE:
        return new TencentRestException(TencentCodes.SERVICE_TIMEOUT, r.getMessage());
      case ErrorCodes.INTERNAL:
        return new TencentRestException(TencentCodes.SYSTEM_ERROR, r.getMessage());
      default:
        return new TencentRestException(TencentCodes.INVALID_PARAMETER, r.getMessage());
    }
  }

  /** The GroupId field of an existing group: printable ASCII, 1 to 48 bytes; else 10015. */
  static String groupId(com.fasterxml.jackson.databind.JsonNode body) throws TencentRestException {
    String id = BodyFields.text(body, "GroupId");
    check(id);
    return id;
  }

  /** A group id an app gives a new group: as {@link #groupId}, and not starting with {@code @TGS#}. */
  static String newGroupId(String id) throws TencentRestException {
    check(id);
    if (id.startsWith(GENERATED_PREFIX)) {
      throw new TencentRestException(BAD_GROUP_ID,
          "a GroupId given by the app must not start with " + GENERATED_PREFIX + " (generated ids do): " + id);
    }
    return id;
  }

  private static void check(String id) throws TencentRestException {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    boolean printable = id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    if (bytes.length == 0 || bytes.length > MAX_GROUP_ID_BYTES || !printable) {
      throw new TencentRestException(BAD_GROUP_ID,
          "GroupId must be 1 to " + MAX_GROUP_ID_BYTES + " printable ASCII characters, not \"" + id + "\"");
    }
  }
}
