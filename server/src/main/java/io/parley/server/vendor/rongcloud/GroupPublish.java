package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.app.App;
import io.parley.server.groupops.GroupService;
import io.parley.server.messaging.GroupSends;
import io.parley.server.messaging.SendRefused;
import io.parley.server.store.AppendResult;
import java.util.List;
import java.util.UUID;

/**
 * {@code message/group/publish}: one message from fromUserId to each toGroupId (1 to {@value #MAX_GROUPS}), stored in
 * the group's history and fanned out to its members before the answer, which lists each group's messageUID
 * ({@code messageUIDs[{groupId, messageUID}]}). The app server sends: fromUserId need not be a member, and neither a
 * member's gag nor a group ban stops it. Every parameter is checked before anything is sent; a retry with the same
 * msgRandom is the same message. Directed messages (toUserId, a message to some members only) are refused (1002):
 * Parley does not model them. The push parameters and flags are taken and checked; Parley sends no offline push, and
 * a sender who is a member gets the message like every member whatever isIncludeSender says.
 */
final class GroupPublish {
  static final int MAX_GROUPS = 3;
  private static final List<String> FLAGS = List.of("isPersisted", "isCounted", "isIncludeSender",
      "contentAvailable", "disablePush", "isMentioned");

  private final GroupService groups;
  private final GroupSends sends;

  GroupPublish(GroupService groups, GroupSends sends) {
    this.groups = groups;
    this.sends = sends;
  }

  /** {@code message/group/publish}. */
  ObjectNode publish(App app, FormFields form) throws RongcloudRestException {
    String from = form.userId("fromUserId");
    List<String> to = form.groupIds("toGroupId", MAX_GROUPS);
    if (form.has("toUserId")) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER,
          "toUserId: directed group messages (to some members only) are not supported; leave it out");
    }
    String objectName = MessagePublish.objectName(form);
    Element element;
    try {
      element = RongcloudElements.fromVendor(objectName, form.required("content", Integer.MAX_VALUE));
    } catch (ContentException e) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER, e.getMessage());
    }
    form.optional("pushContent", MessagePublish.MAX_PUSH);
    form.optional("pushData", MessagePublish.MAX_PUSH);
    form.optional("pushExt", MessagePublish.MAX_PUSH);
    form.optional("expansion", 5);
    for (String group : to) {
      if (groups.get(app.id(), List.of(group)).isEmpty()) {
        throw new RongcloudRestException(RongcloudCode.PARAMETER, "toGroupId: the app has no group " + group);
      }
    }
    for (String flag : FLAGS) {
      form.flag(flag, false);
    }
    long random = form.number("msgRandom", 0, Long.MAX_VALUE, -1);
    String request = random >= 0 ? Long.toString(random) : UUID.randomUUID().toString();
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode uids = out.putArray("messageUIDs");
    for (String group : to) {
      AppendResult r = send(app, from, group, "rc:" + request + ":g:" + group, element);
      uids.addObject().put("groupId", group).put("messageUID", RongcloudMessageUid.of(r.serverMsgId()));
    }
    return out;
  }

  private AppendResult send(App app, String from, String groupId, String clientMsgId, Element element)
      throws RongcloudRestException {
    try {
      return sends.serverSend(app, from, groupId, clientMsgId, List.of(element), "", true);
    } catch (SendRefused e) {
      if (e.code() == ErrorCodes.UNAVAILABLE) {
        throw new RongcloudRestException(RongcloudCode.TIMEOUT, e.getMessage());
      }
      String lead = e.code() == io.parley.server.group.GroupCodes.NO_SUCH_GROUP ? "toGroupId: " : "content: ";
      throw new RongcloudRestException(RongcloudCode.PARAMETER, lead + e.getMessage());
    }
  }
}
