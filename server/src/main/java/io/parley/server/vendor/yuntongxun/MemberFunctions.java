package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.MemberResult;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Member/*} functions, each acting as the calling sub-account: DeleteGroupMember (the owner removes),
 * QueryMember, ForbidSpeak (the owner; no end time), AskJoin (the owner answers an application to a private group)
 * and SetGroupMsg (the caller's own "do not disturb"). A member is named by its voipAccount.
 */
final class MemberFunctions {
  static final int MAX_REMOVED = 50;
  /** QueryMember reads the whole list in pages; a group holds at most 500 members, so this bound is never reached. */
  private static final int MAX_PAGES = 1000;

  private final GroupService groups;
  private final Clock clock;

  MemberFunctions(GroupService groups, Clock clock) {
    this.groups = groups;
    this.clock = clock;
  }

  /** {@code DeleteGroupMember}: groupId, members (voipAccounts); the owner removes them. */
  ObjectNode remove(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    List<String> members = RequestFields.strings(body, "members", MAX_REMOVED);
    List<MemberResult> results = groups.kick(who.app().id(), who.caller(), groupId, members, "");
    return MemberAnswers.of(results, YuntongxunCodes.NOT_A_MEMBER);
  }

  /**
   * {@code QueryMember}: groupId (members only) → {@code members: [{member, role ("1" owner, "3" member), isBan ("1"
   * forbidden to speak), isNotice ("1" notified, "2" do not disturb)}]}, and {@code count}.
   */
  ObjectNode list(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    ObjectNode out = YuntongxunAnswer.object();
    ArrayNode list = out.putArray("members");
    long now = clock.millis();
    String cursor = "";
    for (int pages = 0; pages < MAX_PAGES; pages++) {
      MemberPage page = groups.members(who.app().id(), who.caller(), groupId, Optional.empty(), cursor, 0);
      for (MemberRecord m : page.members()) {
        list.addObject().put("member", m.userId()).put("role", m.role() == Role.OWNER ? "1" : "3")
            .put("isBan", m.muteUntilMillis() > now ? "1" : "0")
            .put("isNotice", m.receive() == ReceiveOption.NOTIFY ? "1" : "2");
      }
      cursor = page.next();
      if (cursor == null || cursor.isEmpty()) {
        break;
      }
    }
    out.put("count", Integer.toString(list.size()));
    return out;
  }

  /** {@code ForbidSpeak}: groupId, member, operation ("1" forbid until allowed again, "0" allow); the owner. */
  ObjectNode forbid(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    String member = RequestFields.required(body, "member");
    String operation = RequestFields.required(body, "operation");
    if (!operation.equals("0") && !operation.equals("1")) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT,
          "operation is \"1\" (forbid to speak) or \"0\" (allow), not \"" + operation + "\"");
    }
    long seconds = operation.equals("1") ? GroupKinds.YUNTONGXUN_FORBID_SPEAK : 0;
    MemberResult r = groups.mute(who.app().id(), who.caller(), groupId, List.of(member), seconds).get(0);
    if (r.kind() == MemberResult.Kind.REFUSED) {
      throw GroupRefusals.of(r.code(), r.message());
    }
    if (r.kind() == MemberResult.Kind.ALREADY) {
      throw new YuntongxunRestException(YuntongxunCodes.NOT_A_MEMBER, member + ": " + r.message());
    }
    return YuntongxunAnswer.object();
  }

  /** {@code AskJoin}: groupId, asker (voipAccount), confirm ("0" agree, "1" refuse), declared?; the owner answers. */
  ObjectNode answer(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    String asker = RequestFields.required(body, "asker");
    String confirm = RequestFields.required(body, "confirm");
    if (!confirm.equals("0") && !confirm.equals("1")) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT,
          "confirm is \"0\" (agree) or \"1\" (refuse), not \"" + confirm + "\"");
    }
    MemberResult r = groups.answerApplication(who.app().id(), who.caller(), groupId, asker, confirm.equals("0"),
        RequestFields.optional(body, "declared").orElse(""));
    if (r.kind() == MemberResult.Kind.REFUSED) {
      throw GroupRefusals.of(r.code(), r.message());
    }
    return YuntongxunAnswer.object();
  }

  /** {@code SetGroupMsg}: groupId, isNotice ("1" notified, "2" do not disturb: delivered without a push). */
  ObjectNode notice(SubAccountCaller who, JsonNode body) throws YuntongxunRestException {
    String groupId = RequestFields.required(body, "groupId");
    String isNotice = RequestFields.required(body, "isNotice");
    if (!isNotice.equals("1") && !isNotice.equals("2")) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT,
          "isNotice is \"1\" (notified) or \"2\" (do not disturb), not \"" + isNotice + "\"");
    }
    groups.setReceiveOption(who.app().id(), who.userId(), groupId,
        isNotice.equals("1") ? ReceiveOption.NOTIFY : ReceiveOption.SILENT);
    return YuntongxunAnswer.object();
  }
}
