package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.callback.CallbackJson;
import io.parley.server.callback.GroupActivity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Team operations as NetEase copies them (eventType 1, convType TEAM, msgType NOTIFICATION, {@code to} the tid,
 * {@code fromAccount} the operator): {@code attach} is the JSON string {@code {"id": n, "data": {"tinfo": {tid,
 * tname, owner, …changed fields}, "ids": [accids]}}} with the notification ids of netease.md §5: 0 Invite (members
 * invited in, also a team created with members), 1 Kick, 2 Leave, 3 Update (name, announcement, intro, icon),
 * 4 Dismiss, 5 ApplyPass (an application let in), 6 OwnerTransfer ({@code ids} the new owner, who is also
 * {@code tinfo.owner}), 7 AddManager, 8 RemoveManager, 10 MuteMember ({@code data.mute} 1 muted, 0 lifted, as the
 * vendor's client SDK reads it). Notifications carry no message ids here.
 */
final class TeamNotices {
  static final int INVITE = 0;
  static final int KICK = 1;
  static final int LEAVE = 2;
  static final int UPDATE = 3;
  static final int DISMISS = 4;
  static final int APPLY_PASS = 5;
  static final int OWNER_TRANSFER = 6;
  static final int ADD_MANAGER = 7;
  static final int REMOVE_MANAGER = 8;
  static final int MUTE_MEMBER = 10;

  private static final Map<GroupActivity.InfoField, String> FIELDS = Map.of(
      GroupActivity.InfoField.NAME, "tname",
      GroupActivity.InfoField.NOTIFICATION, "announcement",
      GroupActivity.InfoField.INTRODUCTION, "intro",
      GroupActivity.InfoField.FACE_URL, "icon");

  private TeamNotices() {}

  /** The notification id for an After activity, empty when NetEase copies nothing for it. */
  static Optional<Integer> id(GroupActivity a) {
    return switch (a.action()) {
      case CREATE -> invitees(a).isEmpty() ? Optional.empty() : Optional.of(INVITE);
      case JOINED -> Optional.of(a.way() == GroupActivity.Way.APPLIED ? APPLY_PASS : INVITE);
      case EXITED -> Optional.of(a.way() == GroupActivity.Way.KICKED ? KICK : LEAVE);
      case DISMISSED -> Optional.of(DISMISS);
      case INFO_CHANGED -> Optional.of(UPDATE);
      case OWNER_CHANGED -> Optional.of(OWNER_TRANSFER);
      case ADMINS_SET -> Optional.of(ADD_MANAGER);
      case ADMINS_UNSET -> Optional.of(REMOVE_MANAGER);
      case MUTED, UNMUTED -> Optional.of(MUTE_MEMBER);
      case APPLY, INVITE -> Optional.empty();
    };
  }

  /** The copy's body. @throws IllegalArgumentException for an activity NetEase does not copy */
  static ObjectNode copy(GroupActivity a) {
    int id = id(a).orElseThrow(() -> new IllegalArgumentException("NetEase copies no team notification for " + a));
    ObjectNode data = CallbackJson.object();
    ObjectNode tinfo = data.putObject("tinfo");
    tinfo.put("tid", a.groupId());
    tinfo.put("tname", a.groupName());
    tinfo.put("owner", a.owner());
    a.changes().forEach((field, value) -> tinfo.put(FIELDS.get(field), value));
    List<String> ids = a.action() == GroupActivity.Action.CREATE ? invitees(a) : a.members();
    if (!ids.isEmpty()) {
      ArrayNode array = data.putArray("ids");
      ids.forEach(array::add);
    }
    if (id == MUTE_MEMBER) {
      data.put("mute", a.action() == GroupActivity.Action.MUTED ? 1 : 0);
    }
    ObjectNode attach = CallbackJson.object();
    attach.put("id", id);
    attach.set("data", data);

    ObjectNode copy = CallbackJson.object();
    copy.put("eventType", "1");
    copy.put("convType", "TEAM");
    copy.put("to", a.groupId());
    copy.put("fromAccount", a.operator().isEmpty() ? a.owner() : a.operator());
    copy.put("fromClientType", NeteaseCallbacks.clientType(a.origin().platform()));
    copy.put("fromDeviceId", a.origin().deviceId());
    copy.put("msgTimestamp", Long.toString(a.time().toEpochMilli()));
    copy.put("msgType", "NOTIFICATION");
    copy.put("attach", CallbackJson.text(attach));
    copy.put("resendFlag", "0");
    return copy;
  }

  /** A create's members but its owner. */
  private static List<String> invitees(GroupActivity a) {
    return a.members().stream().filter(m -> !m.equals(a.owner())).toList();
  }
}
