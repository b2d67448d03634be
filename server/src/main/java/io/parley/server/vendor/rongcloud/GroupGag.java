package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.MemberResult;
import io.parley.server.store.MemberRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Muting members of a group ({@code group/user/gag/add}, {@code rollback}, {@code list}): a muted member's sends from a
 * client are refused until the mute ends; the app server may still publish in its name. add takes 1 to
 * {@value #MAX_USERS} members and {@code minute} 1 to {@value #MAX_MINUTES}; a user who is not a member is refused
 * (1002) before anyone is muted. rollback lifts the mute (non-members are skipped). list answers
 * {@code users[{time, userId}]}, time the mute's end as {@code yyyy-MM-dd HH:mm:ss} (Beijing time, as the vendor's).
 */
final class GroupGag {
  static final int MAX_USERS = 20;
  static final long MAX_MINUTES = 43_200;

  private final GroupService groups;
  private final GroupMembership membership;
  private final Clock clock;

  GroupGag(GroupService groups, GroupMembership membership, Clock clock) {
    this.groups = groups;
    this.membership = membership;
    this.clock = clock;
  }

  /** {@code group/user/gag/add}. */
  ObjectNode add(App app, FormFields form) throws RongcloudRestException {
    List<String> users = form.userIds("userId", MAX_USERS);
    String groupId = form.groupId("groupId");
    long minutes = form.requiredNumber("minute", 1, MAX_MINUTES);
    Set<String> members = memberIds(app, groupId);
    for (String u : users) {
      if (!members.contains(u)) {
        throw new RongcloudRestException(RongcloudCode.PARAMETER,
            "userId: " + u + " is not a member of group " + groupId);
      }
    }
    mute(app, groupId, users, minutes * 60);
    return RongcloudAnswer.object();
  }

  /** {@code group/user/gag/rollback}. */
  ObjectNode rollback(App app, FormFields form) throws RongcloudRestException {
    List<String> users = form.userIds("userId", MAX_USERS);
    String groupId = form.groupId("groupId");
    Set<String> members = memberIds(app, groupId);
    List<String> muted = new ArrayList<>(users);
    muted.retainAll(members);
    if (!muted.isEmpty()) {
      mute(app, groupId, muted, 0);
    }
    return RongcloudAnswer.object();
  }

  /** {@code group/user/gag/list}. */
  ObjectNode list(App app, FormFields form) throws RongcloudRestException {
    String groupId = form.groupId("groupId");
    long now = clock.millis();
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode users = out.putArray("users");
    for (MemberRecord m : membership.allMembers(app, groupId)) {
      if (m.muteUntilMillis() > now) {
        users.addObject().put("time", UserProfiles.TIME.format(Instant.ofEpochMilli(m.muteUntilMillis())))
            .put("userId", m.userId());
      }
    }
    return out;
  }

  private Set<String> memberIds(App app, String groupId) throws RongcloudRestException {
    if (groups.get(app.id(), List.of(groupId)).isEmpty()) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER, "groupId: the app has no group " + groupId);
    }
    Set<String> out = new HashSet<>();
    membership.allMembers(app, groupId).forEach(m -> out.add(m.userId()));
    return out;
  }

  private void mute(App app, String groupId, List<String> users, long seconds) throws RongcloudRestException {
    try {
      for (MemberResult r : groups.mute(app.id(), Caller.APP_SERVER, groupId, users, seconds)) {
        if (r.kind() == MemberResult.Kind.REFUSED) {
          throw GroupRefusals.of(new GroupRefused(r.code(), r.userId() + ": " + r.message()));
        }
      }
    } catch (GroupRefused r) {
      throw GroupRefusals.of(r);
    }
  }
}
