package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.protocol.v1.GroupInfoChangeType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.Actor;
import io.parley.server.group.Decision;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupRules;
import io.parley.server.group.MuteAll;
import io.parley.server.group.Role;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Roles and mutes: owner transfer, admins, member mutes and the whole-group mute. */
final class Moderation {
  private final GroupContext ctx;

  Moderation(GroupContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Hands ownership to a member; the old owner becomes a plain member (both members and the record written together).
   * INFO_CHANGED tip, change OWNER.
   */
  void transferOwner(String appId, Caller caller, String groupId, String newOwner) {
    Inputs.id("the new owner", newOwner);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      MemberRecord target = ctx.memberOrRefuse(g, newOwner);
      check(GroupRules.transferOwner(GroupContext.actorOf(g, caller), g.kind(), target.role()));
      String old = g.record().owner();
      Optional<MemberRecord> demoted = old.isEmpty() || old.equals(newOwner) ? Optional.empty()
          : g.member(old).map(m -> GroupContext.withRole(m, Role.MEMBER));
      LoadedGroup after = new LoadedGroup(GroupContext.withOwner(g.record(), newOwner), g.kind(), g.book());
      ctx.writes.transferOwner(g, after.record(), demoted, GroupContext.withRole(target, Role.OWNER));
      ctx.infoTip(after, caller, List.of(Tips.change(GroupInfoChangeType.GROUP_CHANGE_OWNER, newOwner)));
    }
  }

  /** Makes a member an admin or an admin a member again (ADMIN_SET / ADMIN_UNSET tip). */
  void setAdmin(String appId, Caller caller, String groupId, String userId, boolean admin) {
    Inputs.id("the user id", userId);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      MemberRecord target = ctx.memberOrRefuse(g, userId);
      check(GroupRules.setAdmin(GroupContext.actorOf(g, caller), g.kind(), target.role(), admin));
      g.book().put(appId, groupId, GroupContext.withRole(target, admin ? Role.ADMIN : Role.MEMBER));
      ctx.tip(g, admin ? GroupTipType.GROUP_TIP_ADMIN_SET : GroupTipType.GROUP_TIP_ADMIN_UNSET, caller, List.of(userId),
          List.of());
    }
  }

  // ---------------------------------------------------------------------------------------------------- muting

  /**
   * Mutes members for {@code seconds} (0 lifts the mute), each judged on its own and all written together; one
   * MEMBER_INFO_CHANGED tip with the length. The deadline outlives leaving and rejoining.
   */
  List<MemberResult> mute(String appId, Caller caller, String groupId, List<String> users, long seconds) {
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      Actor actor = GroupContext.actorOf(g, caller);
      check(GroupRules.mute(actor, g.kind(), Role.MEMBER, seconds));
      long until = seconds == 0 ? 0 : GroupContext.deadline(ctx.clock.millis(), seconds);
      List<MemberResult> out = new ArrayList<>();
      Map<String, MemberRecord> muting = new LinkedHashMap<>();
      for (String user : users) {
        Optional<MemberRecord> m = user == null ? Optional.empty() : g.member(user);
        if (m.isEmpty()) {
          out.add(MemberResult.refused(String.valueOf(user), GroupCodes.NOT_A_MEMBER,
              user + " is not a member of group " + groupId));
          continue;
        }
        Decision d = GroupRules.mute(actor, g.kind(), m.get().role(), seconds);
        if (!d.ok()) {
          out.add(MemberResult.refused(user, d.code(), d.message()));
          continue;
        }
        muting.put(user, m.get().withMuteUntil(until));
        out.add(MemberResult.of(user, MemberResult.Kind.DONE, seconds == 0 ? "unmuted" : "muted"));
      }
      ctx.writes.replaceAll(g, List.copyOf(muting.values()));
      List<String> muted = List.copyOf(muting.keySet());
      if (!muted.isEmpty()) {
        GroupTip tip = Tips.tip(groupId, GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED, caller, muted, ctx.clock.millis(),
            g.count()).toBuilder().setMuteSeconds(seconds).build();
        ctx.events.tip(appId, groupId, tip, List.of()).join();
      }
      return out;
    }
  }

  /** Sets the whole-group mute (INFO_CHANGED tip, change MUTE_ALL with the level's name). */
  void muteAll(String appId, Caller caller, String groupId, MuteAll level) {
    Objects.requireNonNull(level, "level");
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      check(GroupRules.muteAll(GroupContext.actorOf(g, caller), g.kind(), level));
      GroupRecord r = g.record();
      LoadedGroup after = new LoadedGroup(GroupContext.withOptions(r, r.options().withMuteAll(level)), g.kind(), g.book());
      ctx.store.update(after.record());
      ctx.infoTip(after, caller, List.of(Tips.change(GroupInfoChangeType.GROUP_CHANGE_MUTE_ALL, level.name())));
    }
  }
}
