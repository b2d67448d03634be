package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.callback.CallbackJson;
import io.parley.server.callback.GroupActivity;
import io.parley.server.callback.GroupMessage;
import io.parley.server.callback.Platform;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bodies of Tencent's group callbacks ({@code Group.Callback*}), field names as the vendor's (doocs
 * {@code model/callback}). Where the app server did it, {@code Operator_Account} is the app's REST admin identifier,
 * as the vendor reports it. {@code EventTime} is in milliseconds, {@code MsgTime} in seconds.
 */
final class TencentGroupCallbackBodies {
  static final String BEFORE_CREATE = "Group.CallbackBeforeCreateGroup";
  static final String AFTER_CREATE = "Group.CallbackAfterCreateGroup";
  static final String BEFORE_APPLY = "Group.CallbackBeforeApplyJoinGroup";
  static final String BEFORE_INVITE = "Group.CallbackBeforeInviteJoinGroup";
  static final String AFTER_JOIN = "Group.CallbackAfterNewMemberJoin";
  static final String AFTER_EXIT = "Group.CallbackAfterMemberExit";
  static final String BEFORE_SEND = "Group.CallbackBeforeSendMsg";
  static final String AFTER_SEND = "Group.CallbackAfterSendMsg";
  static final String AFTER_DESTROYED = "Group.CallbackAfterGroupDestroyed";
  static final String AFTER_INFO_CHANGED = "Group.CallbackAfterGroupInfoChanged";
  static final List<String> COMMANDS = List.of(BEFORE_CREATE, AFTER_CREATE, BEFORE_APPLY, BEFORE_INVITE, AFTER_JOIN,
      AFTER_EXIT, BEFORE_SEND, AFTER_SEND, AFTER_DESTROYED, AFTER_INFO_CHANGED);

  /** The client msg id of a REST send ({@code tim:<Random>:…}), whose Random the callback reports as sent. */
  private static final Pattern REST_RANDOM = Pattern.compile("^tim:(\\d{1,10}):");

  private TencentGroupCallbackBodies() {}

  /** The command a group operation triggers in this phase, if Tencent has one. */
  static Optional<String> command(GroupActivity a, boolean before) {
    String c = switch (a.action()) {
      case CREATE -> before ? BEFORE_CREATE : AFTER_CREATE;
      case APPLY -> before ? BEFORE_APPLY : null;
      case INVITE -> before ? BEFORE_INVITE : null;
      case JOINED -> before ? null : AFTER_JOIN;
      case EXITED -> before ? null : AFTER_EXIT;
      case DISMISSED -> before ? null : AFTER_DESTROYED;
      case INFO_CHANGED -> before ? null : AFTER_INFO_CHANGED;
      // Owner, admin and mute changes have no Group.Callback* of their own (members hear of them by tips).
      case OWNER_CHANGED, ADMINS_SET, ADMINS_UNSET, MUTED, UNMUTED -> null;
    };
    return Optional.ofNullable(c);
  }

  /** The body of a group operation's callback; {@code admin} stands for the app server as operator. */
  static ObjectNode activity(String command, GroupActivity a, String admin) {
    ObjectNode body = CallbackJson.object();
    body.put("CallbackCommand", command);
    String operator = a.operator().isEmpty() ? admin : a.operator();
    switch (command) {
      case BEFORE_CREATE -> {
        body.put("Operator_Account", operator);
        body.put("Owner_Account", a.owner());
        body.put("Type", a.groupType());
        body.put("Name", a.groupName());
        body.set("MemberList", accounts(a.members()));
      }
      case AFTER_CREATE -> {
        body.put("GroupId", a.groupId());
        body.put("Operator_Account", operator);
        body.put("Owner_Account", a.owner());
        body.put("Type", a.groupType());
        body.put("Name", a.groupName());
        body.set("MemberList", accounts(a.members()));
      }
      case BEFORE_APPLY -> {
        body.put("GroupId", a.groupId());
        body.put("Type", a.groupType());
        body.put("Requestor_Account", a.members().isEmpty() ? operator : a.members().get(0));
      }
      case BEFORE_INVITE -> {
        body.put("GroupId", a.groupId());
        body.put("Type", a.groupType());
        body.put("Operator_Account", operator);
        body.set("DestinationMembers", accounts(a.members()));
      }
      case AFTER_JOIN -> {
        body.put("GroupId", a.groupId());
        body.put("Type", a.groupType());
        body.put("JoinType", a.way() == GroupActivity.Way.INVITED ? "Invited" : "Apply");
        body.put("Operator_Account", operator);
        body.set("NewMemberList", accounts(a.members()));
      }
      case AFTER_EXIT -> {
        body.put("GroupId", a.groupId());
        body.put("Type", a.groupType());
        body.put("ExitType", a.way() == GroupActivity.Way.KICKED ? "Kicked" : "Quit");
        body.put("Operator_Account", operator);
        body.set("ExitMemberList", accounts(a.members()));
      }
      case AFTER_DESTROYED -> {
        body.put("GroupId", a.groupId());
        body.put("Type", a.groupType());
        body.put("Owner_Account", a.owner());
        body.put("Name", a.groupName());
        body.set("MemberList", accounts(a.members()));
      }
      case AFTER_INFO_CHANGED -> {
        body.put("GroupId", a.groupId());
        body.put("Type", a.groupType());
        body.put("Operator_Account", operator);
        // Only the fields that changed, as the vendor sends them.
        putChange(body, "Name", a, GroupActivity.InfoField.NAME);
        putChange(body, "Introduction", a, GroupActivity.InfoField.INTRODUCTION);
        putChange(body, "Notification", a, GroupActivity.InfoField.NOTIFICATION);
        putChange(body, "FaceUrl", a, GroupActivity.InfoField.FACE_URL);
      }
      default -> throw new IllegalArgumentException("not a Tencent group operation callback: " + command);
    }
    body.put("EventTime", a.time().toEpochMilli());
    return body;
  }

  /** The body of Group.CallbackBeforeSendMsg or Group.CallbackAfterSendMsg. */
  static ObjectNode message(String command, GroupMessage m, String admin, boolean after) {
    if (!m.body().isArray()) {
      throw new IllegalArgumentException("a Tencent MsgBody is a JSON array of {MsgType, MsgContent}");
    }
    ObjectNode body = CallbackJson.object();
    body.put("CallbackCommand", command);
    body.put("GroupId", m.groupId());
    body.put("Type", m.groupType());
    body.put("From_Account", m.from());
    body.put("Operator_Account", m.origin().platform() == Platform.SERVER_API ? admin : m.from());
    body.put("Random", random(m));
    if (after) {
      body.put("MsgSeq", m.groupSeq());
      body.put("MsgTime", m.time().getEpochSecond());
    }
    body.put("OnlineOnlyFlag", m.onlineOnly() ? 1 : 0);
    body.set("MsgBody", m.body());
    m.cloudCustomData().ifPresent(c -> body.put("CloudCustomData", c));
    body.put("EventTime", m.time().toEpochMilli());
    return body;
  }

  /** A REST send's own Random; otherwise the one the core derived from the client msg id. */
  static long random(GroupMessage m) {
    Matcher r = REST_RANDOM.matcher(m.clientMsgId());
    if (r.find()) {
      long given = Long.parseLong(r.group(1));
      if (given <= 0xFFFF_FFFFL) {
        return given;
      }
    }
    return m.random();
  }

  private static void putChange(ObjectNode body, String field, GroupActivity a, GroupActivity.InfoField f) {
    String value = a.changes().get(f);
    if (value != null) {
      body.put(field, value);
    }
  }

  private static ArrayNode accounts(List<String> users) {
    ArrayNode list = CallbackJson.object().arrayNode();
    users.forEach(u -> list.addObject().put("Member_Account", u));
    return list;
  }
}
