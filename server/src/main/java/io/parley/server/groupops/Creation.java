package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.protocol.v1.GroupNotificationType;
import io.parley.server.callback.GroupActivity;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupRules;
import io.parley.server.group.Membership;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Creating a group: its kind, options, owner and initial members, checked before one store write. */
final class Creation {
  private final GroupContext ctx;

  Creation(GroupContext ctx) {
    this.ctx = ctx;
  }

  /** Creates a group with its owner and members; see {@link NewGroup}. */
  GroupView create(String appId, Caller caller, NewGroup group) {
    return create(appId, caller, group, 0);
  }

  /**
   * Creates a group {@code importedAt} (ms; 0: now, asking the app first and telling the members and the app) or, for
   * the app server, as imported from elsewhere: created then, its owner and members joined then, nobody told.
   */
  GroupView create(String appId, Caller caller, NewGroup group, long importedAt) {
    Inputs.id("app id", appId);
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(group, "group");
    GroupKind kind = ctx.kindFor(appId, group.kind());
    check(GroupRules.checkOptions(kind, group.options()));
    Inputs.name("the group's name", group.name());
    Inputs.text("the introduction", group.introduction());
    Inputs.text("the notification", group.notification());
    Inputs.text("the face URL", group.faceUrl());
    Inputs.custom(group.custom());
    boolean hasOwner = kind.roles().contains(Role.OWNER);
    String owner;
    if (caller.isAppServer()) {
      owner = group.owner().isEmpty() ? "" : Inputs.id("the owner", group.owner());
    } else {
      Inputs.id("the caller", caller.userId());
      if (!group.owner().isEmpty() && !group.owner().equals(caller.userId())) {
        throw Inputs.bad("a user creates groups it owns; the owner " + group.owner() + " is not the caller");
      }
      owner = hasOwner ? caller.userId() : "";
    }
    if (!owner.isEmpty() && !hasOwner) {
      throw new GroupRefused(GroupCodes.ROLE_NOT_IN_KIND, kind.id() + " has no owner role; leave the owner empty");
    }
    boolean imported = importedAt > 0;
    if (imported && (!caller.isAppServer() || importedAt > ctx.clock.millis())) {
      throw Inputs.bad("only the app server imports groups, created at a time up to now");
    }
    long now = imported ? importedAt : ctx.clock.millis();
    Map<String, MemberRecord> members = new LinkedHashMap<>();
    if (!owner.isEmpty()) {
      members.put(owner, new MemberRecord(owner, Role.OWNER, now, 0, "", Map.of(), ReceiveOption.NOTIFY));
    } else if (!caller.isAppServer()) {
      members.put(caller.userId(),
          new MemberRecord(caller.userId(), Role.MEMBER, now, 0, "", Map.of(), ReceiveOption.NOTIFY));
    }
    for (NewGroup.Member m : group.members()) {
      Inputs.id("a member's id", m.userId());
      Inputs.name("a name card", m.nameCard());
      Inputs.custom(m.custom());
      if (members.containsKey(m.userId())) {
        if (m.userId().equals(owner) || m.userId().equals(caller.userId())) {
          continue; // the creator or owner listed again: already in, in its own role
        }
        throw Inputs.bad("member " + m.userId() + " is listed twice");
      }
      if (m.role() == Role.OWNER) {
        throw new GroupRefused(GroupCodes.TARGET_ROLE_MISMATCH,
            kind.id() + ": the owner is the group's owner field, not a member's role (" + m.userId() + ")");
      }
      if (!kind.roles().contains(m.role())) {
        throw new GroupRefused(GroupCodes.ROLE_NOT_IN_KIND, kind.id() + " has no " + m.role() + " role ("
            + m.userId() + ")");
      }
      members.put(m.userId(), new MemberRecord(m.userId(), m.role(), now, 0, m.nameCard(), m.custom(),
          ReceiveOption.NOTIFY));
    }
    int limit = GroupRules.memberLimit(kind, group.options());
    if (members.size() > limit) {
      throw new GroupRefused(GroupCodes.MEMBER_LIMIT_REACHED, kind.id() + ": " + members.size()
          + " initial members, but the group takes at most " + limit);
    }
    if (!group.groupId().isEmpty()) {
      Inputs.id("the group id", group.groupId());
    }
    Instant asked = ctx.clock.instant();
    if (!imported) {
      ctx.ask(appId, new GroupActivity(GroupActivity.Action.CREATE, group.groupId(), GroupContext.vendorType(kind),
          group.name(), caller.userId(), owner, List.copyOf(members.keySet()), GroupActivity.Way.NONE, Map.of(),
          GroupContext.origin(caller), asked));
    }
    String id = group.groupId().isEmpty() ? ctx.store.nextGroupId(appId) : group.groupId();
    GroupRecord record = new GroupRecord(appId, id, kind.id(), group.name(), group.introduction(),
        group.notification(), group.faceUrl(), owner, group.options(), limit, group.custom(), now);
    boolean inStore = kind.storage().membership() == Membership.STORED;
    synchronized (ctx.lock(appId, id)) {
      if (!ctx.store.create(record, inStore ? List.copyOf(members.values()) : List.of())) {
        throw new GroupRefused(GroupCodes.GROUP_EXISTS, "the app already has a group " + id);
      }
      if (!inStore) {
        ctx.rooms.drop(appId, id); // a room of that id dismissed earlier
        members.values().forEach(m -> ctx.rooms.put(appId, id, m, limit));
      }
      if (!members.isEmpty() && !imported) {
        ctx.events.notify(appId, members.keySet(), Tips.notification(id, record.name(),
            GroupNotificationType.GROUP_NOTIFICATION_CREATED, caller.userId(), "", "", now).build()).join();
      }
    }
    if (!imported) {
      ctx.hooks.after(appId, new GroupActivity(GroupActivity.Action.CREATE, id, GroupContext.vendorType(kind),
          record.name(), caller.userId(), owner, List.copyOf(members.keySet()), GroupActivity.Way.NONE, Map.of(),
          GroupContext.origin(caller), ctx.clock.instant()));
    }
    return new GroupView(record, members.size());
  }
}
