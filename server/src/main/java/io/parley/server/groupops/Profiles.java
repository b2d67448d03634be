package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.protocol.v1.GroupInfoChange;
import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.Actor;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupField;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.GroupRules;
import io.parley.server.group.ReceiveOption;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The group's info, and members' own info and receive options. */
final class Profiles {
  private final GroupContext ctx;

  Profiles(GroupContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Changes the group's info: name, introduction, notification, face and the application option need the kind's
   * info editors, custom fields its custom editors. One INFO_CHANGED tip lists each change; no change, no tip.
   */
  GroupView modify(String appId, Caller caller, String groupId, GroupChange change) {
    Objects.requireNonNull(change, "change");
    change.name().ifPresent(v -> Inputs.name("the group's name", v));
    change.introduction().ifPresent(v -> Inputs.text("the introduction", v));
    change.notification().ifPresent(v -> Inputs.text("the notification", v));
    change.faceUrl().ifPresent(v -> Inputs.text("the face URL", v));
    Inputs.custom(change.custom().entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    change.custom().keySet().forEach(k -> Inputs.id("a custom field's key", k));
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      Actor actor = GroupContext.actorOf(g, caller);
      if (change.touchesInfo()) {
        check(GroupRules.edit(actor, g.kind(), g.options(), GroupField.INFO));
      }
      if (!change.custom().isEmpty()) {
        check(GroupRules.edit(actor, g.kind(), g.options(), GroupField.CUSTOM));
      }
      GroupRecord r = g.record();
      GroupOptions options = change.apply().map(a -> r.options().withApply(a)).orElse(r.options());
      check(GroupRules.checkOptions(g.kind(), options));
      Map<String, String> custom = new HashMap<>(r.custom());
      List<GroupInfoChange> changes = new ArrayList<>();
      change.name().ifPresent(v -> changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_NAME, v)));
      change.introduction().ifPresent(v ->
          changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_INTRODUCTION, v)));
      change.notification().ifPresent(v ->
          changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_NOTIFICATION, v)));
      change.faceUrl().ifPresent(v -> changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_FACE, v)));
      new java.util.TreeMap<>(change.custom()).forEach((k, v) -> {
        if (v.isEmpty()) {
          custom.remove(k);
        } else {
          custom.put(k, v);
        }
        changes.add(Tips.custom(k, v));
      });
      change.apply().ifPresent(a -> changes.add(Tips.change(GroupInfoChangeType.GROUP_CHANGE_APPLY_OPTION,
          a.name())));
      GroupRecord updated = new GroupRecord(r.appId(), r.groupId(), r.kind(), change.name().orElse(r.name()),
          change.introduction().orElse(r.introduction()), change.notification().orElse(r.notification()),
          change.faceUrl().orElse(r.faceUrl()), r.owner(), options, r.maxMembers(), custom, r.createdMillis());
      if (changes.isEmpty()) {
        return new GroupView(r, g.count());
      }
      ctx.store.update(updated);
      LoadedGroup after = new LoadedGroup(updated, g.kind(), g.book());
      ctx.infoTip(after, caller, changes);
      return new GroupView(updated, after.count());
    }
  }

  /**
   * Replaces the group's own settings (all but the whole-group mute, which {@link Moderation#muteAll} keeps): needs
   * the kind's info editors, settings the kind lets a group change, a member limit not below the member count. No
   * tip: the settings concern who may do what, not what members see.
   */
  GroupView setOptions(String appId, Caller caller, String groupId, GroupOptions options) {
    Objects.requireNonNull(options, "options");
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      check(GroupRules.edit(GroupContext.actorOf(g, caller), g.kind(), g.options(), GroupField.INFO));
      GroupRecord r = g.record();
      GroupOptions merged = options.withMuteAll(r.muteAll());
      check(GroupRules.checkOptions(g.kind(), merged));
      int limit = GroupRules.memberLimit(g.kind(), merged);
      if (limit < g.count()) {
        throw new GroupRefused(GroupCodes.BAD_MEMBER_LIMIT, "group " + groupId + " has " + g.count()
            + " members, more than the limit " + limit);
      }
      GroupRecord updated = new GroupRecord(r.appId(), r.groupId(), r.kind(), r.name(), r.introduction(),
          r.notification(), r.faceUrl(), r.owner(), merged, limit, r.custom(), r.createdMillis());
      ctx.store.update(updated);
      return new GroupView(updated, g.count());
    }
  }

  /**
   * Changes a member's name card and custom fields. A member may always change its own; another's needs the kind's
   * info editors and a rank above the target's (the app server: any member).
   */
  void setMemberInfo(String appId, Caller caller, String groupId, String userId, MemberChange change) {
    Inputs.id("the user id", userId);
    Objects.requireNonNull(change, "change");
    change.nameCard().ifPresent(v -> Inputs.name("the name card", v));
    change.custom().forEach((k, v) -> {
      Inputs.id("a custom field's key", k);
      Inputs.text("custom field " + k, v);
    });
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      MemberRecord target = ctx.memberOrRefuse(g, userId);
      if (!userId.equals(caller.userId())) {
        Actor actor = GroupContext.actorOf(g, caller);
        check(GroupRules.edit(actor, g.kind(), g.options(), GroupField.INFO));
        if (actor != Actor.APP_SERVER && !actor.outranks(target.role())) {
          throw new GroupRefused(GroupCodes.TARGET_OUTRANKS, g.kind().id() + ": only a member of a higher role may"
              + " change another member's info");
        }
      }
      Map<String, String> custom = new HashMap<>(target.custom());
      change.custom().forEach((k, v) -> {
        if (v.isEmpty()) {
          custom.remove(k);
        } else {
          custom.put(k, v);
        }
      });
      g.book().put(appId, groupId, new MemberRecord(userId, target.role(), target.joinMillis(),
          target.muteUntilMillis(), change.nameCard().orElse(target.nameCard()), custom, target.receive()));
      ctx.tip(g, GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED, caller, List.of(userId), List.of());
    }
  }

  /** How the member receives the group's messages; no tip (it concerns the member only). */
  void setReceiveOption(String appId, String userId, String groupId, ReceiveOption option) {
    Inputs.id("the user id", userId);
    Objects.requireNonNull(option, "option");
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      MemberRecord m = ctx.memberOrRefuse(g, userId);
      g.book().put(appId, groupId, new MemberRecord(userId, m.role(), m.joinMillis(), m.muteUntilMillis(),
          m.nameCard(), m.custom(), option));
    }
  }
}
