package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupKinds;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupChange;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import io.parley.server.groupops.MemberResult;
import io.parley.server.groupops.NewGroup;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Basic-group membership ({@code rongcloud.group}: members only, no owner or roles): {@code group/create} (an alias of
 * join, as the vendor's SDK says), {@code group/join} (a group that does not exist is created with the users as its
 * members), {@code group/quit} (users not in the group are skipped; when the last member leaves the group is gone, so a
 * later join starts it afresh), {@code group/dismiss} (any userId may dismiss; an unknown group is already gone),
 * {@code group/refresh}, {@code group/sync}, {@code group/user/query} and {@code user/group/query}.
 */
final class GroupMembership {
  /** Users one join, create or quit takes (the vendor's docs: at most 1000). */
  static final int MAX_USERS = 1000;
  /** Longest group name (the vendor's SDK checks 1 to 64). */
  static final int MAX_NAME = 64;
  private static final int PAGE = 1000;

  private final GroupService groups;

  GroupMembership(GroupService groups) {
    this.groups = groups;
  }

  /** {@code group/create}: as join (the group may exist already: the users join it). */
  ObjectNode create(App app, FormFields form) throws RongcloudRestException {
    return join(app, form);
  }

  /** {@code group/join}: the users join, the group is created first when the app has none with this id. */
  ObjectNode join(App app, FormFields form) throws RongcloudRestException {
    List<String> users = form.userIds("userId", MAX_USERS);
    String groupId = form.groupId("groupId");
    String name = form.required("groupName", MAX_NAME);
    join(app, groupId, name, users);
    return RongcloudAnswer.object();
  }

  /** {@code group/quit}: each user leaves; users not in the group, or a group that does not exist, are no error. */
  ObjectNode quit(App app, FormFields form) throws RongcloudRestException {
    List<String> users = form.userIds("userId", MAX_USERS);
    String groupId = form.groupId("groupId");
    form.optional("groupName", MAX_NAME);
    quit(app, groupId, users);
    return RongcloudAnswer.object();
  }

  /** {@code group/dismiss}: any user id may dismiss a basic group (the vendor's docs); a missing group is no error. */
  ObjectNode dismiss(App app, FormFields form) throws RongcloudRestException {
    form.userId("userId");
    String groupId = form.groupId("groupId");
    try {
      groups.dismiss(app.id(), Caller.APP_SERVER, groupId);
    } catch (GroupRefused r) {
      if (r.code() != GroupCodes.NO_SUCH_GROUP) {
        throw GroupRefusals.of(r);
      }
    }
    return RongcloudAnswer.object();
  }

  /** {@code group/refresh}: renames the group; a group that does not exist is refused (1002). */
  ObjectNode refresh(App app, FormFields form) throws RongcloudRestException {
    String groupId = form.groupId("groupId");
    String name = form.required("groupName", MAX_NAME);
    try {
      groups.modify(app.id(), Caller.APP_SERVER, groupId, new GroupChange(Optional.of(name), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Map.of()));
    } catch (GroupRefused r) {
      throw GroupRefusals.of(r);
    }
    return RongcloudAnswer.object();
  }

  /**
   * {@code group/sync}: makes the user's groups exactly those listed as {@code group[<id>]=<name>}: it joins each
   * (creating a missing one with that name) and leaves the groups it is in that are not listed.
   */
  ObjectNode sync(App app, FormFields form) throws RongcloudRestException {
    String user = form.userId("userId");
    Map<String, String> listed = form.bracketed("group", MAX_NAME);
    for (Map.Entry<String, String> g : listed.entrySet()) {
      if (g.getValue().isEmpty()) {
        throw new RongcloudRestException(RongcloudCode.PARAMETER, "group[" + g.getKey() + "] needs a group name");
      }
    }
    Set<String> wanted = listed.keySet();
    for (Map.Entry<String, String> g : listed.entrySet()) {
      join(app, g.getKey(), g.getValue(), List.of(user));
    }
    for (GroupView g : groups.groupsOf(app.id(), user)) {
      if (!wanted.contains(g.record().groupId())) {
        quit(app, g.record().groupId(), List.of(user));
      }
    }
    return RongcloudAnswer.object();
  }

  /** {@code group/user/query}: the members' ids, {@code users[{id}]}; a group that does not exist has none. */
  ObjectNode members(App app, FormFields form) throws RongcloudRestException {
    String groupId = form.groupId("groupId");
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode users = out.putArray("users");
    for (MemberRecord m : allMembers(app, groupId)) {
      users.addObject().put("id", m.userId());
    }
    return out;
  }

  /** {@code user/group/query}: the user's groups, {@code groups[{id, name}]}. */
  ObjectNode groupsOf(App app, FormFields form) throws RongcloudRestException {
    String user = form.userId("userId");
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode list = out.putArray("groups");
    for (GroupView g : groups.groupsOf(app.id(), user)) {
      list.addObject().put("id", g.record().groupId()).put("name", g.record().name());
    }
    return out;
  }

  /** Every member of the group, or none when it does not exist. */
  List<MemberRecord> allMembers(App app, String groupId) throws RongcloudRestException {
    List<MemberRecord> out = new ArrayList<>();
    String cursor = "";
    try {
      do {
        MemberPage page = groups.members(app.id(), Caller.APP_SERVER, groupId, Optional.empty(), cursor, PAGE);
        out.addAll(page.members());
        cursor = page.next();
      } while (cursor != null && !cursor.isEmpty());
    } catch (GroupRefused r) {
      if (r.code() != GroupCodes.NO_SUCH_GROUP) {
        throw GroupRefusals.of(r);
      }
    }
    return out;
  }

  private void join(App app, String groupId, String name, List<String> users) throws RongcloudRestException {
    try {
      if (groups.get(app.id(), List.of(groupId)).isEmpty()) {
        List<NewGroup.Member> members = users.stream().map(NewGroup.Member::of).toList();
        try {
          groups.create(app.id(), Caller.APP_SERVER,
              NewGroup.of(groupId, GroupKinds.RONGCLOUD_GROUP.id(), "", name, members));
          return;
        } catch (GroupRefused r) {
          if (r.code() != GroupCodes.GROUP_EXISTS) {
            throw r;
          }
        }
      }
      for (MemberResult r : groups.invite(app.id(), Caller.APP_SERVER, groupId, users, "")) {
        if (r.kind() == MemberResult.Kind.REFUSED) {
          throw GroupRefusals.of(new GroupRefused(r.code(), r.userId() + ": " + r.message()));
        }
      }
    } catch (GroupRefused r) {
      throw GroupRefusals.of(r);
    }
  }

  private void quit(App app, String groupId, List<String> users) throws RongcloudRestException {
    try {
      for (String user : users) {
        try {
          groups.quit(app.id(), user, groupId);
        } catch (GroupRefused r) {
          if (r.code() != GroupCodes.NOT_A_MEMBER) {
            throw r;
          }
        }
      }
      List<GroupView> left = groups.get(app.id(), List.of(groupId));
      if (!left.isEmpty() && left.get(0).memberCount() == 0) {
        groups.dismiss(app.id(), Caller.APP_SERVER, groupId);
      }
    } catch (GroupRefused r) {
      if (r.code() != GroupCodes.NO_SUCH_GROUP) {
        throw GroupRefusals.of(r);
      }
    }
  }
}
