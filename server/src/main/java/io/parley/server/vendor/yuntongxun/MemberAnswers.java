package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.groupops.MemberResult;
import java.util.List;

/**
 * The answer to a call on several members (invite, remove): {@code members} lists each as {@code {member,
 * statusCode, statusMsg}}, "000000" for one done or waiting (statusMsg says which, e.g. "pending approval"), the
 * vendor code otherwise; when not one member could be done the whole call is refused with the first member's code.
 */
final class MemberAnswers {
  private MemberAnswers() {}

  /** @param alreadyCode the code for a member there was nothing to do for (already in, or not in) */
  static ObjectNode of(List<MemberResult> results, String alreadyCode) throws YuntongxunRestException {
    ObjectNode out = YuntongxunAnswer.object();
    ArrayNode list = out.putArray("members");
    YuntongxunRestException first = null;
    boolean anyDone = false;
    for (MemberResult r : results) {
      String code;
      switch (r.kind()) {
        case DONE:
        case PENDING_APPROVAL:
        case PENDING_CONSENT:
          code = YuntongxunCodes.OK;
          anyDone = true;
          break;
        case ALREADY:
          code = alreadyCode;
          break;
        default:
          code = GroupRefusals.code(r.code());
          break;
      }
      if (!code.equals(YuntongxunCodes.OK) && first == null) {
        first = new YuntongxunRestException(code, r.userId() + ": " + r.message());
      }
      list.addObject().put("member", r.userId()).put("statusCode", code).put("statusMsg", statusMsg(r));
    }
    if (!anyDone && first != null) {
      throw first;
    }
    return out;
  }

  private static String statusMsg(MemberResult r) {
    switch (r.kind()) {
      case PENDING_APPROVAL:
        return "pending approval";
      case PENDING_CONSENT:
        return "pending consent";
      default:
        return r.message();
    }
  }
}
