package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTipType;
import io.parley.server.callback.BeforeVerdict;
import io.parley.server.callback.GroupActivity;
import io.parley.server.group.Actor;
import io.parley.server.group.Consent;
import io.parley.server.group.Decision;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupRules;
import io.parley.server.group.Outcome;
import io.parley.server.group.Role;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.PendingRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Getting in: applications, invitations and their answers, with the pending requests they leave in the store until
 * answered or lapsed.
 */
final class Admissions {
  private final GroupContext ctx;

  Admissions(GroupContext ctx) {
    this.ctx = ctx;
  }

  /** A non-member asks to join: joined at once (JOINED tip) or a pending application (JOIN_REQUEST to approvers). */
  MemberResult apply(String appId, String userId, String groupId, String reason) {
    Inputs.id("the user id", userId);
    Inputs.text("the reason", reason);
    LoadedGroup before = ctx.load(appId, groupId);
    if (GroupRules.apply(GroupContext.actorOf(before, Caller.user(userId)), before.kind(), before.options(),
        before.countInt()).ok()) {
      ctx.ask(appId, ctx.activity(before, GroupActivity.Action.APPLY, Caller.user(userId), List.of(userId),
          GroupActivity.Way.NONE, Map.of()));
    }
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      Actor actor = GroupContext.actorOf(g, Caller.user(userId));
      Decision d = GroupRules.apply(actor, g.kind(), g.options(), g.countInt());
      if (d.code() == GroupCodes.ALREADY_MEMBER) {
        return MemberResult.of(userId, MemberResult.Kind.ALREADY, d.message());
      }
      check(d);
      long now = ctx.clock.millis();
      if (d.outcome() == Outcome.JOINED) {
        ctx.join(g, userId, Role.MEMBER);
        ctx.tip(g, GroupTipType.GROUP_TIP_JOINED, Caller.user(userId), List.of(userId), List.of());
        return MemberResult.of(userId, MemberResult.Kind.DONE, d.message());
      }
      PendingRequest q = ctx.request(g, userId, PendingRequest.Kind.APPLICATION, "", reason, now);
      ctx.store.putRequest(q);
      ctx.notifyUsers(g, ctx.approvers(g), Tips.notification(groupId, g.record().name(),
          GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST, userId, userId, reason, now)
          .setExpiresAtMs(q.expiresMillis()).build());
      return MemberResult.of(userId, MemberResult.Kind.PENDING_APPROVAL, d.message());
    }
  }

  /**
   * An approver answers a pending application, or a member's invitation waiting for approval (the application first
   * when there are both). The applicant (or the inviter) gets REQUEST_PROCESSED; an accepted user joins with a tip,
   * or, for an invitation whose invitee must agree, is asked next.
   */
  MemberResult answerApplication(String appId, Caller approver, String groupId, String applicant,
      boolean accept, String reason) {
    Inputs.id("the applicant", applicant);
    Inputs.text("the reason", reason);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      check(GroupRules.approve(GroupContext.actorOf(g, approver), g.row()));
      PendingRequest q = ctx.pending(g, applicant, PendingRequest.Kind.APPLICATION)
          .or(() -> ctx.pending(g, applicant, PendingRequest.Kind.INVITATION_APPROVAL))
          .orElseThrow(() -> new GroupRefused(GroupCodes.NO_SUCH_REQUEST,
              "no pending request of " + applicant + " to join group " + groupId));
      long now = ctx.clock.millis();
      if (q.expiredAt(now)) {
        ctx.store.removeRequest(appId, groupId, applicant, q.kind());
        throw new GroupRefused(GroupCodes.REQUEST_EXPIRED, "the request of " + applicant + " to join group "
            + groupId + " lapsed");
      }
      boolean application = q.kind() == PendingRequest.Kind.APPLICATION;
      String tellWhom = application || q.inviter().isEmpty() ? applicant : q.inviter();
      GroupNotification processed = Tips.notification(groupId, g.record().name(),
          GroupNotificationType.GROUP_NOTIFICATION_REQUEST_PROCESSED, approver.userId(), applicant, reason, now)
          .setAccepted(accept).build();
      if (!accept) {
        ctx.store.removeRequest(appId, groupId, applicant, q.kind());
        ctx.notifyUsers(g, List.of(tellWhom), processed);
        return MemberResult.of(applicant, MemberResult.Kind.DONE, "declined");
      }
      if (g.member(applicant).isPresent()) {
        ctx.store.removeRequest(appId, groupId, applicant, q.kind());
        return MemberResult.of(applicant, MemberResult.Kind.ALREADY, "already a member");
      }
      check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt()));
      if (!application && g.row().invite().consent() == Consent.NEEDED) {
        PendingRequest consent = ctx.request(g, applicant, PendingRequest.Kind.INVITATION_CONSENT, q.inviter(),
            q.reason(), now);
        ctx.store.replaceRequest(q.kind(), consent);
        ctx.notifyUsers(g, List.of(tellWhom), processed);
        ctx.notifyUsers(g, List.of(applicant), ctx.invitation(g, consent, now));
        return MemberResult.of(applicant, MemberResult.Kind.PENDING_CONSENT, "approved; waits for the invitee");
      }
      ctx.writes.admit(g, ctx.newMember(applicant, Role.MEMBER), q);
      if (application) {
        ctx.tip(g, GroupTipType.GROUP_TIP_JOINED, approver, List.of(applicant), List.of());
      } else {
        ctx.tip(g, GroupTipType.GROUP_TIP_INVITED, GroupContext.inviterCaller(q.inviter()), List.of(applicant), List.of());
      }
      ctx.notifyUsers(g, List.of(tellWhom), processed);
      return MemberResult.of(applicant, MemberResult.Kind.DONE, "joined");
    }
  }

  /**
   * Invites users, each on its own: joined at once (all who join written together, one INVITED tip for all of them), waiting for the invitee
   * (INVITATION) or for an approver (INVITED_APPROVAL), already a member, or refused (a full group, a bad id). A
   * caller who may not invite at all is refused as a whole.
   */
  List<MemberResult> invite(String appId, Caller inviter, String groupId, List<String> users, String reason) {
    Inputs.text("the reason", reason);
    Set<String> refusedByApp = refusedInvitees(appId, inviter, groupId, users);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      Actor actor = GroupContext.actorOf(g, inviter);
      check(GroupRules.invite(actor, g.kind(), g.options(), 0));
      long now = ctx.clock.millis();
      List<MemberResult> out = new ArrayList<>();
      List<MemberRecord> joining = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (String user : users) {
        try {
          Inputs.id("an invitee's id", user);
        } catch (GroupRefused e) {
          out.add(MemberResult.refused(String.valueOf(user), e.code(), e.getMessage()));
          continue;
        }
        if (!seen.add(user) || g.member(user).isPresent()) {
          out.add(MemberResult.of(user, MemberResult.Kind.ALREADY, "already a member"));
          continue;
        }
        if (refusedByApp.contains(user)) {
          out.add(MemberResult.refused(user, GroupCodes.REFUSED_BY_APP, "the app refused this invitation"));
          continue;
        }
        Decision d = GroupRules.invite(actor, g.kind(), g.options(), g.countInt() + joining.size());
        if (!d.ok()) {
          out.add(MemberResult.refused(user, d.code(), d.message()));
          continue;
        }
        switch (d.outcome()) {
          case JOINED -> {
            joining.add(ctx.newMember(user, Role.MEMBER));
            out.add(MemberResult.of(user, MemberResult.Kind.DONE, d.message()));
          }
          case PENDING_APPROVAL -> {
            PendingRequest q = ctx.request(g, user, PendingRequest.Kind.INVITATION_APPROVAL, inviter.userId(), reason,
                now);
            ctx.store.putRequest(q);
            ctx.notifyUsers(g, ctx.approvers(g), Tips.notification(groupId, g.record().name(),
                GroupNotificationType.GROUP_NOTIFICATION_INVITED_APPROVAL, inviter.userId(), user, reason, now)
                .setExpiresAtMs(q.expiresMillis()).build());
            out.add(MemberResult.of(user, MemberResult.Kind.PENDING_APPROVAL, d.message()));
          }
          case PENDING_CONSENT -> {
            PendingRequest q = ctx.request(g, user, PendingRequest.Kind.INVITATION_CONSENT, inviter.userId(), reason,
                now);
            ctx.store.putRequest(q);
            ctx.notifyUsers(g, List.of(user), ctx.invitation(g, q, now));
            out.add(MemberResult.of(user, MemberResult.Kind.PENDING_CONSENT, d.message()));
          }
          default -> throw new IllegalStateException("invite decided " + d);
        }
      }
      List<String> joined = ctx.writes.joinAll(g, joining);
      if (!joined.isEmpty()) {
        ctx.tip(g, GroupTipType.GROUP_TIP_INVITED, inviter, joined, List.of());
      }
      return out;
    }
  }

  /**
   * Asks the app about an invitation the caller may make (outside the lock): the invitees it refuses; a refusal of
   * the whole invitation throws.
   */
  private Set<String> refusedInvitees(String appId, Caller inviter, String groupId, List<String> users) {
    LoadedGroup g = ctx.load(appId, groupId);
    if (!GroupRules.invite(GroupContext.actorOf(g, inviter), g.kind(), g.options(), 0).ok()) {
      return Set.of(); // refused under the lock, with the rule's own code
    }
    List<String> asked = users.stream().filter(u -> u != null && !u.isEmpty() && g.member(u).isEmpty()).distinct().toList();
    if (asked.isEmpty()) {
      return Set.of();
    }
    BeforeVerdict verdict = ctx.ask(appId, ctx.activity(g, GroupActivity.Action.INVITE, inviter, asked,
        GroupActivity.Way.NONE, Map.of()));
    return verdict instanceof BeforeVerdict.Narrow n ? n.refused() : Set.of();
  }

  /**
   * The invitee answers an invitation it must agree to; {@code inviter} empty matches any inviter. Accepting joins
   * (INVITED tip); either way the inviter gets INVITATION_ANSWERED.
   */
  MemberResult answerInvitation(String appId, String invitee, String groupId, String inviter, boolean accept,
      String reason) {
    Inputs.id("the invitee", invitee);
    Inputs.text("the reason", reason);
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      PendingRequest q = ctx.pending(g, invitee, PendingRequest.Kind.INVITATION_CONSENT)
          .filter(r -> inviter == null || inviter.isEmpty() || r.inviter().equals(inviter))
          .orElseThrow(() -> new GroupRefused(GroupCodes.NO_SUCH_REQUEST, "no invitation of " + invitee
              + " to group " + groupId + (inviter == null || inviter.isEmpty() ? "" : " from " + inviter)));
      long now = ctx.clock.millis();
      if (q.expiredAt(now)) {
        ctx.store.removeRequest(appId, groupId, invitee, q.kind());
        throw new GroupRefused(GroupCodes.REQUEST_EXPIRED, "the invitation of " + invitee + " to group " + groupId
            + " lapsed");
      }
      GroupNotification answered = Tips.notification(groupId, g.record().name(),
          GroupNotificationType.GROUP_NOTIFICATION_INVITATION_ANSWERED, invitee, invitee, reason, now)
          .setAccepted(accept).build();
      List<String> tell = q.inviter().isEmpty() ? List.of() : List.of(q.inviter());
      if (!accept) {
        ctx.store.removeRequest(appId, groupId, invitee, q.kind());
        ctx.notifyUsers(g, tell, answered);
        return MemberResult.of(invitee, MemberResult.Kind.DONE, "declined");
      }
      if (g.member(invitee).isPresent()) {
        ctx.store.removeRequest(appId, groupId, invitee, q.kind());
        return MemberResult.of(invitee, MemberResult.Kind.ALREADY, "already a member");
      }
      check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt()));
      ctx.writes.admit(g, ctx.newMember(invitee, Role.MEMBER), q);
      ctx.tip(g, GroupTipType.GROUP_TIP_INVITED, GroupContext.inviterCaller(q.inviter()), List.of(invitee), List.of());
      ctx.notifyUsers(g, tell, answered);
      return MemberResult.of(invitee, MemberResult.Kind.DONE, "joined");
    }
  }

  /** Applications and members' invitations waiting for an approver, not lapsed; for approvers only. */
  List<PendingRequest> pendingRequests(String appId, Caller caller, String groupId) {
    LoadedGroup g = ctx.load(appId, groupId);
    check(GroupRules.approve(GroupContext.actorOf(g, caller), g.row()));
    long now = ctx.clock.millis();
    return ctx.store.requests(appId, groupId).stream()
        .filter(q -> q.kind() != PendingRequest.Kind.INVITATION_CONSENT && !q.expiredAt(now))
        .toList();
  }
}
