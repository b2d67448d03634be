package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.server.group.Actor;
import io.parley.server.group.Consent;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupRules;
import io.parley.server.group.MuteAll;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.PendingRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Group operations: each reads the group, asks {@link GroupRules} (the kind's row refined by the group's options),
 * writes the membership, then makes its tip or notifications durable through {@link GroupEvents} before it returns.
 * Every method blocks on disk; callers run them off event loops. Refusals are {@link GroupRefused} (a GroupCodes code
 * and a message naming the rule); a null argument is an NPE.
 *
 * <p>Operations that change one group are serialized (a striped lock), so a member limit holds under racing joins
 * and tips come in the order of the changes they report. Kinds that do not store membership (Tencent AVChatRoom) keep
 * their members in memory ({@link RoomMembers}); their group record is stored.
 *
 * <p>This class reads and authorizes sends itself and hands each family of changes to its own class: {@link Creation},
 * {@link Admissions} (getting in), {@link Departures} (getting out), {@link Moderation} (roles and mutes) and
 * {@link Profiles} (info).
 */
public final class GroupService {
  private final GroupContext ctx;
  private final Creation creation;
  private final Admissions admissions;
  private final Departures departures;
  private final Moderation moderation;
  private final Profiles profiles;
  private final Imports imports;

  /** A service whose operations ask and tell no app ({@link GroupHooks#NONE}). */
  public GroupService(GroupStore store, GroupEvents events, AppKinds kinds, Clock clock, GroupSettings settings) {
    this(store, events, kinds, clock, settings, GroupHooks.NONE);
  }

  /** A service whose creates, applications and invitations ask the app first, and whose changes it hears of. */
  public GroupService(GroupStore store, GroupEvents events, AppKinds kinds, Clock clock, GroupSettings settings,
      GroupHooks hooks) {
    this.ctx = new GroupContext(store, events, kinds, clock, settings, hooks);
    this.creation = new Creation(ctx);
    this.admissions = new Admissions(ctx);
    this.departures = new Departures(ctx);
    this.moderation = new Moderation(ctx);
    this.profiles = new Profiles(ctx);
    this.imports = new Imports(ctx);
  }

  // ---------------------------------------------------------------------------------------------------- reading

  /**
   * Creates a group with its owner and members (see {@link NewGroup}); the members are told (CREATED).
   * Refused: a kind not of the app's vendor, options the kind does not allow, roles it does not have, more members
   * than its limit, an id the app already has, bad ids or names.
   */
  public GroupView create(String appId, Caller caller, NewGroup group) {
    return creation.create(appId, caller, group);
  }

  /**
   * The app server imports a group from elsewhere, created at {@code createdMillis} (not after now): as
   * {@link #create}, but its owner and members joined then, and nobody is asked or told (no notification, no
   * callback).
   */
  public GroupView importGroup(String appId, Caller caller, NewGroup group, long createdMillis) {
    if (createdMillis <= 0) {
      throw new GroupRefused(GroupCodes.BAD_GROUP_INPUT, "an imported group has a creation time");
    }
    return creation.create(appId, caller, group, createdMillis);
  }

  /** The groups with these ids; missing ids are skipped. */
  public List<GroupView> get(String appId, List<String> groupIds) {
    List<GroupView> out = new ArrayList<>();
    for (String id : groupIds) {
      Inputs.id("a group id", id);
      ctx.find(appId, id).ifPresent(g -> out.add(new GroupView(g.record(), g.count())));
    }
    return out;
  }

  /**
   * A page of members, optionally of one role only; the limit is capped to the page size (0 or less: the page size).
   * A user must be a member; the app server may read any group.
   */
  public MemberPage members(String appId, Caller caller, String groupId, Optional<Role> role, String cursor,
      int limit) {
    LoadedGroup g = ctx.load(appId, groupId);
    if (!caller.isAppServer() && g.member(caller.userId()).isEmpty()) {
      throw new GroupRefused(GroupCodes.NOT_A_MEMBER, "only members see the members of group " + groupId);
    }
    int size = limit <= 0 ? ctx.settings.pageSize() : Math.min(limit, ctx.settings.pageSize());
    if (role.isEmpty()) {
      return g.book().page(appId, groupId, cursor, size);
    }
    List<MemberRecord> out = new ArrayList<>();
    String at = cursor;
    while (true) {
      MemberPage page = g.book().page(appId, groupId, at, size);
      for (int i = 0; i < page.members().size(); i++) {
        MemberRecord m = page.members().get(i);
        if (m.role() == role.get()) {
          out.add(m);
          if (out.size() == size) {
            boolean last = page.next() == null && i == page.members().size() - 1;
            return new MemberPage(out, last ? null : m.userId());
          }
        }
      }
      if (page.next() == null) {
        return new MemberPage(out, null);
      }
      at = page.next();
    }
  }

  /** The groups the user is a member of, in id order; rooms (membership not stored) are not listed. */
  public List<GroupView> groupsOf(String appId, String userId) {
    Inputs.id("the user id", userId);
    List<GroupView> out = new ArrayList<>();
    for (String id : ctx.store.groupsOf(appId, userId)) {
      ctx.find(appId, id).ifPresent(g -> out.add(new GroupView(g.record(), g.count())));
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------- getting in

  /** A non-member asks to join: joined at once (JOINED tip) or a pending application (JOIN_REQUEST to approvers). */
  public MemberResult apply(String appId, String userId, String groupId, String reason) {
    return admissions.apply(appId, userId, groupId, reason);
  }

  /**
   * An approver answers a pending application, or a member's invitation waiting for approval (the application first
   * when there are both). The applicant (or the inviter) gets REQUEST_PROCESSED; an accepted user joins with a tip,
   * or, for an invitation whose invitee must agree, is asked next. Lapsed: REQUEST_EXPIRED.
   */
  public MemberResult answerApplication(String appId, Caller approver, String groupId, String applicant,
      boolean accept, String reason) {
    return admissions.answerApplication(appId, approver, groupId, applicant, accept, reason);
  }

  /**
   * Invites users, each on its own: joined at once (one INVITED tip for all of them), waiting for the invitee
   * (INVITATION) or for an approver (INVITED_APPROVAL), already a member, or refused (a full group, a bad id). A
   * caller who may not invite at all is refused as a whole.
   */
  public List<MemberResult> invite(String appId, Caller inviter, String groupId, List<String> users, String reason) {
    return admissions.invite(appId, inviter, groupId, users, reason);
  }

  /**
   * As {@link #invite(String, Caller, String, List, String)}, but whether the invitees must agree is the caller's
   * {@code consent} instead of the group's (NetEase team/add's {@code magree}); approvals still hold.
   */
  public List<MemberResult> invite(String appId, Caller inviter, String groupId, List<String> users, String reason,
      Consent consent) {
    return admissions.invite(appId, inviter, groupId, users, reason, Objects.requireNonNull(consent, "consent"));
  }

  /**
   * The invitee answers an invitation it must agree to; {@code inviter} empty matches any inviter. Accepting joins
   * (INVITED tip); either way the inviter gets INVITATION_ANSWERED. Lapsed: REQUEST_EXPIRED.
   */
  public MemberResult answerInvitation(String appId, String invitee, String groupId, String inviter, boolean accept,
      String reason) {
    return admissions.answerInvitation(appId, invitee, groupId, inviter, accept, reason);
  }

  /** Applications and members' invitations waiting for an approver, not lapsed; for approvers only. */
  public List<PendingRequest> pendingRequests(String appId, Caller caller, String groupId) {
    return admissions.pendingRequests(appId, caller, groupId);
  }

  /** A member an app server imports: its role (not the owner) and when it joined (0 or later than now: now). */
  public record Imported(String userId, Role role, long joinMillis) {}

  /**
   * The app server imports members as they were elsewhere, each on its own: imported, already a member, or refused
   * (a role the kind lacks, a full group, a bad id). Nobody is told: no tip, no notification, no callback.
   */
  public List<MemberResult> importMembers(String appId, Caller caller, String groupId, List<Imported> members) {
    return imports.importMembers(appId, caller, groupId, members);
  }

  // ---------------------------------------------------------------------------------------------------- getting out

  /** The user leaves (QUIT tip, also to the quitter). An owner who may quit leaves the group without an owner. */
  public void quit(String appId, String userId, String groupId) {
    departures.quit(appId, userId, groupId);
  }

  /** Removes members, each on its own (rank rules per target): one KICKED tip, REMOVED to each removed user. */
  public List<MemberResult> kick(String appId, Caller caller, String groupId, List<String> users, String reason) {
    return departures.kick(appId, caller, groupId, users, reason);
  }

  /** Tells every member (DISMISSED), then deletes the group, its members and its requests. */
  public void dismiss(String appId, Caller caller, String groupId) {
    departures.dismiss(appId, caller, groupId);
  }

  // ---------------------------------------------------------------------------------------------------- roles, mutes

  /**
   * Hands ownership to a member; the old owner becomes a plain member. INFO_CHANGED tip, change OWNER; the app hears
   * OWNER_CHANGED.
   */
  public void transferOwner(String appId, Caller caller, String groupId, String newOwner) {
    moderation.transferOwner(appId, caller, groupId, newOwner);
  }

  /** Makes a member an admin or an admin a member again (ADMIN_SET / ADMIN_UNSET tip; ADMINS_SET / ADMINS_UNSET). */
  public void setAdmin(String appId, Caller caller, String groupId, String userId, boolean admin) {
    moderation.setAdmin(appId, caller, groupId, userId, admin);
  }

  /**
   * Mutes members for {@code seconds} (0 lifts the mute), each on its own; one MEMBER_INFO_CHANGED tip with the
   * length; the app hears MUTED (UNMUTED for 0) with the users whose mute was set. The deadline outlives leaving and
   * rejoining.
   */
  public List<MemberResult> mute(String appId, Caller caller, String groupId, List<String> users, long seconds) {
    return moderation.mute(appId, caller, groupId, users, seconds);
  }

  /** Sets the whole-group mute (INFO_CHANGED tip, change MUTE_ALL with the level's name). */
  public void muteAll(String appId, Caller caller, String groupId, MuteAll level) {
    moderation.muteAll(appId, caller, groupId, level);
  }

  // ---------------------------------------------------------------------------------------------------- info

  /**
   * Changes the group's info: name, introduction, notification, face and the application option need the kind's
   * info editors, custom fields its custom editors. One INFO_CHANGED tip lists each change; no change, no tip.
   */
  public GroupView modify(String appId, Caller caller, String groupId, GroupChange change) {
    return profiles.modify(appId, caller, groupId, change);
  }

  /**
   * Replaces the group's own settings ({@link io.parley.server.group.GroupOptions}, the whole-group mute aside) for
   * a caller among the kind's info editors (NetEase team/update's modes). No tip.
   */
  public GroupView setOptions(String appId, Caller caller, String groupId, io.parley.server.group.GroupOptions o) {
    return profiles.setOptions(appId, caller, groupId, o);
  }

  /**
   * Changes a member's name card and custom fields. A member may always change its own; another's needs the kind's
   * info editors and a rank above the target's (the app server: any member). MEMBER_INFO_CHANGED tip.
   */
  public void setMemberInfo(String appId, Caller caller, String groupId, String userId, MemberChange change) {
    profiles.setMemberInfo(appId, caller, groupId, userId, change);
  }

  /** How the member receives the group's messages; no tip (it concerns the member only). */
  public void setReceiveOption(String appId, String userId, String groupId, ReceiveOption option) {
    profiles.setReceiveOption(appId, userId, groupId, option);
  }

  // ---------------------------------------------------------------------------------------------------- sending

  /** A member sends: refused for non-members, a running mute, or a whole-group mute that silences its role. */
  public SendPermit authorizeSend(String appId, String groupId, String senderId) {
    return authorizeSend(appId, Caller.user(senderId), groupId, senderId);
  }

  /** As {@link #authorizeSend(String, String, String)}; the app server may send in anyone's name. */
  public SendPermit authorizeSend(String appId, Caller caller, String groupId, String senderId) {
    Inputs.id("the sender", senderId);
    LoadedGroup g = ctx.load(appId, groupId);
    if (caller.isAppServer()) {
      check(GroupRules.send(Actor.APP_SERVER, g.kind(), g.options(), false));
      return new SendPermit(g.record(), g.kind());
    }
    Optional<MemberRecord> m = g.member(senderId);
    Actor actor = m.map(r -> Actor.of(r.role())).orElse(Actor.OUTSIDER);
    boolean muted = m.map(r -> r.muteUntilMillis() > ctx.clock.millis()).orElse(false);
    check(GroupRules.send(actor, g.kind(), g.options(), muted));
    return new SendPermit(g.record(), g.kind());
  }
}
