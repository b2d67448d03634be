package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.group.MuteAll;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import java.util.List;

/**
 * The whole-group mute ({@code group/ban/add}, {@code rollback}, {@code query}): while a group is banned no member
 * may send from a client; the app server may still publish. Each takes groupId 1 to {@value #MAX_GROUPS} times; query
 * answers {@code groupinfo[{groupId, stat}]}, stat 1 banned, 0 not. A group that does not exist is refused (1002).
 * query without a groupId (the vendor lists every banned group of the app) is refused: Parley lists named groups only.
 */
final class GroupBan {
  static final int MAX_GROUPS = 20;

  private final GroupService groups;

  GroupBan(GroupService groups) {
    this.groups = groups;
  }

  /** {@code group/ban/add}. */
  ObjectNode add(App app, FormFields form) throws RongcloudRestException {
    return set(app, form, MuteAll.EVERYONE);
  }

  /** {@code group/ban/rollback}. */
  ObjectNode rollback(App app, FormFields form) throws RongcloudRestException {
    return set(app, form, MuteAll.OFF);
  }

  /** {@code group/ban/query}. */
  ObjectNode query(App app, FormFields form) throws RongcloudRestException {
    List<String> ids = form.groupIds("groupId", MAX_GROUPS);
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode info = out.putArray("groupinfo");
    for (String id : ids) {
      List<GroupView> found = groups.get(app.id(), List.of(id));
      if (found.isEmpty()) {
        throw new RongcloudRestException(RongcloudCode.PARAMETER, "groupId: the app has no group " + id);
      }
      info.addObject().put("groupId", id).put("stat", found.get(0).record().muteAll() == MuteAll.OFF ? 0 : 1);
    }
    return out;
  }

  private ObjectNode set(App app, FormFields form, MuteAll level) throws RongcloudRestException {
    List<String> ids = form.groupIds("groupId", MAX_GROUPS);
    for (String id : ids) {
      if (groups.get(app.id(), List.of(id)).isEmpty()) {
        throw new RongcloudRestException(RongcloudCode.PARAMETER, "groupId: the app has no group " + id);
      }
    }
    try {
      for (String id : ids) {
        groups.muteAll(app.id(), Caller.APP_SERVER, id, level);
      }
    } catch (GroupRefused r) {
      throw GroupRefusals.of(r);
    }
    return RongcloudAnswer.object();
  }
}
