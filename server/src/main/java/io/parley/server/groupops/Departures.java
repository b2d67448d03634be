package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.callback.GroupActivity;
import io.parley.server.group.Actor;
import io.parley.server.group.Decision;
import io.parley.server.group.GroupRules;
import io.parley.server.group.Role;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Getting out: quitting, kicking and dismissing. */
final class Departures {
  private final GroupContext ctx;

  Departures(GroupContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The user leaves (QUIT tip, also to the quitter). An owner who may quit leaves the group without an owner (the
   * member and the record written together).
   */
  void quit(String appId, String userId, String groupId) {
    Inputs.id("the user id", userId);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      check(GroupRules.quit(GroupContext.actorOf(g, Caller.user(userId)), g.kind()));
      if (userId.equals(g.record().owner())) {
        LoadedGroup after = new LoadedGroup(GroupContext.withOwner(g.record(), ""), g.kind(), g.book());
        ctx.writes.removeAndUpdate(g, after.record(), userId);
        g = after;
      } else {
        g.book().remove(appId, groupId, userId);
      }
      ctx.tip(g, GroupTipType.GROUP_TIP_QUIT, Caller.user(userId), List.of(userId), List.of(userId));
    }
  }

  /**
   * Removes members, each judged on its own (rank rules per target) and all removed together: one KICKED tip,
   * REMOVED to each removed user.
   */
  List<MemberResult> kick(String appId, Caller caller, String groupId, List<String> users, String reason) {
    Inputs.text("the reason", reason);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      Actor actor = GroupContext.actorOf(g, caller);
      check(GroupRules.kick(actor, g.kind(), Role.MEMBER));
      List<MemberResult> out = new ArrayList<>();
      List<String> removing = new ArrayList<>();
      for (String user : users) {
        Optional<MemberRecord> m = user == null || removing.contains(user) ? Optional.empty() : g.member(user);
        if (m.isEmpty()) {
          out.add(MemberResult.of(String.valueOf(user), MemberResult.Kind.ALREADY, "not a member"));
          continue;
        }
        Decision d = GroupRules.kick(actor, g.kind(), m.get().role());
        if (!d.ok()) {
          out.add(MemberResult.refused(user, d.code(), d.message()));
          continue;
        }
        removing.add(user);
        out.add(MemberResult.of(user, MemberResult.Kind.DONE, "removed"));
      }
      List<String> removed = ctx.writes.removeAll(g, removing);
      if (!removed.isEmpty()) {
        ctx.tip(g, GroupTipType.GROUP_TIP_KICKED, caller, removed, removed);
        ctx.notifyUsers(g, removed, Tips.notification(groupId, g.record().name(),
            GroupNotificationType.GROUP_NOTIFICATION_REMOVED, caller.userId(), "", reason, ctx.clock.millis()).build());
      }
      return out;
    }
  }

  /** Tells every member (DISMISSED), then deletes the group, its members and its requests. */
  void dismiss(String appId, Caller caller, String groupId) {
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      check(GroupRules.dismiss(GroupContext.actorOf(g, caller), g.kind()));
      List<String> everyone = new ArrayList<>();
      String cursor = null;
      do {
        MemberPage page = g.book().page(appId, groupId, cursor, GroupSettings.MAX_PAGE_SIZE);
        page.members().forEach(m -> everyone.add(m.userId()));
        cursor = page.next();
      } while (cursor != null);
      if (!everyone.isEmpty()) {
        ctx.notifyUsers(g, everyone, Tips.notification(groupId, g.record().name(),
            GroupNotificationType.GROUP_NOTIFICATION_DISMISSED, caller.userId(), "", "", ctx.clock.millis()).build());
      }
      ctx.store.delete(appId, groupId);
      ctx.rooms.drop(appId, groupId);
      ctx.hooks.after(appId, ctx.activity(g, GroupActivity.Action.DISMISSED, caller, everyone, GroupActivity.Way.NONE,
          Map.of()));
    }
  }
}
