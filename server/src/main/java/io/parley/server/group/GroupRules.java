package io.parley.server.group;

import static io.parley.server.group.Checks.actsIn;
import static io.parley.server.group.Checks.below;
import static io.parley.server.group.Checks.may;
import static io.parley.server.group.Checks.member;
import static io.parley.server.group.Checks.role;
import static io.parley.server.group.Checks.room;

/**
 * What an actor may do in a group of a given kind with given options: pure functions of the kind's row (refined by
 * the options), the actor and the target's role. No store, no clock, no state; the caller supplies the facts (member
 * count, whether the sender is muted).
 */
public final class GroupRules {
  private GroupRules() {}

  /** A non-member asks to join: JOINED, PENDING_APPROVAL, or refused (already a member, applications off, full). */
  public static Decision apply(Actor actor, GroupKind kind, GroupOptions options, int members) {
    GroupKind row = kind.refinedBy(options);
    if (actor == Actor.APP_SERVER) {
      return Decision.refused(GroupCodes.NOT_PERMITTED, row.id() + ": the app server adds members, it does not apply");
    }
    if (actor != Actor.OUTSIDER) {
      return member(actor, row).then(() ->
          Decision.refused(GroupCodes.ALREADY_MEMBER, "already a member of the " + row.id() + " group"));
    }
    return switch (row.join().admission()) {
      case DISABLED -> Decision.refused(GroupCodes.APPLY_DISABLED, row.id() + ": this group takes no applications");
      case APPROVAL -> room(row, members).then(() ->
          Decision.of(Outcome.PENDING_APPROVAL, "waits for approval by " + Checks.describe(row.join().approvers())));
      case FREE -> room(row, members).then(() -> Decision.of(Outcome.JOINED, "joined freely"));
    };
  }

  /** An owner or admin handles a pending application (or a member's invitation that needs approval). */
  public static Decision approve(Actor actor, GroupKind kind) {
    return actsIn(actor, kind).then(() -> may(actor, kind.join().approvers(), kind, "approve requests to join"));
  }

  /**
   * The actor invites a non-member: JOINED, PENDING_APPROVAL (a member's invitation under NeedPermission; an
   * approver's own invitation needs no approval), PENDING_CONSENT (the invitee must agree), or refused. The app
   * server's invitations need no approval but do follow the consent rule.
   */
  public static Decision invite(Actor actor, GroupKind kind, GroupOptions options, int members) {
    GroupKind row = kind.refinedBy(options);
    GroupKind.Invite rule = row.invite();
    return actsIn(actor, row)
        .then(() -> may(actor, rule.inviters(), row, "invite"))
        .then(() -> actor != Actor.APP_SERVER && rule.admission() == Admission.DISABLED
            ? Decision.refused(GroupCodes.INVITE_DISABLED, row.id() + ": members may not invite into this group")
            : Decision.allowed())
        .then(() -> room(row, members))
        .then(() -> {
          boolean approval = rule.admission() == Admission.APPROVAL && !row.join().approvers().contains(actor);
          if (approval) {
            return Decision.of(Outcome.PENDING_APPROVAL, "waits for approval by "
                + Checks.describe(row.join().approvers()));
          }
          return rule.consent() == Consent.NEEDED
              ? Decision.of(Outcome.PENDING_CONSENT, "waits for the invitee to agree")
              : Decision.of(Outcome.JOINED, "joined on invitation");
        });
  }

  /** The actor edits the group's info or custom fields. */
  public static Decision edit(Actor actor, GroupKind kind, GroupOptions options, GroupField field) {
    GroupKind row = kind.refinedBy(options);
    boolean info = field == GroupField.INFO;
    return actsIn(actor, row).then(() -> may(actor, info ? row.edit().info() : row.edit().custom(), row,
        info ? "edit the group's info" : "edit the group's custom fields"));
  }

  /** The actor removes a member of the target role. */
  public static Decision kick(Actor actor, GroupKind kind, Role target) {
    return actsIn(actor, kind)
        .then(() -> may(actor, kind.kickers(), kind, "kick members"))
        .then(() -> below(actor, target, kind, "kick"));
  }

  /** The actor mutes a member of the target role for the given seconds (0 lifts the mute). */
  public static Decision mute(Actor actor, GroupKind kind, Role target, long seconds) {
    GroupKind.Mute rule = kind.mute();
    return actsIn(actor, kind)
        .then(() -> may(actor, rule.muters(), kind, "mute members"))
        .then(() -> below(actor, target, kind, "mute"))
        .then(() -> seconds >= 0 && seconds <= rule.maxSeconds()
            ? Decision.allowed()
            : Decision.refused(GroupCodes.BAD_MUTE_DURATION, kind.id() + ": a mute lasts 0 (lift) to "
                + rule.maxSeconds() + " seconds, not " + seconds));
  }

  /** The actor sets the whole-group mute (OFF lifts it). */
  public static Decision muteAll(Actor actor, GroupKind kind, MuteAll level) {
    GroupKind.Mute rule = kind.mute();
    return actsIn(actor, kind)
        .then(() -> may(actor, rule.muters(), kind, "mute the whole group"))
        .then(() -> level(kind, level));
  }

  /** The actor makes a member an admin ({@code admin} true) or an admin a member again. */
  public static Decision setAdmin(Actor actor, GroupKind kind, Role target, boolean admin) {
    Role from = admin ? Role.MEMBER : Role.ADMIN;
    return actsIn(actor, kind)
        .then(() -> may(actor, kind.ownership().appointers(), kind, admin ? "appoint admins" : "remove admins"))
        .then(() -> role(target, kind))
        .then(() -> target == Role.OWNER
            ? Decision.refused(GroupCodes.OWNER_PROTECTED, kind.id() + ": the owner's role changes only by transfer")
            : Decision.allowed())
        .then(() -> target == from
            ? Decision.allowed()
            : Decision.refused(GroupCodes.TARGET_ROLE_MISMATCH, kind.id() + ": only " + Checks.name(from)
                + "s can be " + (admin ? "made admins" : "made members again") + ", not the " + Checks.name(target)
                + " given"));
  }

  /** The actor hands ownership to a member of the target role. */
  public static Decision transferOwner(Actor actor, GroupKind kind, Role target) {
    return actsIn(actor, kind)
        .then(() -> may(actor, kind.ownership().transferrers(), kind, "transfer ownership"))
        .then(() -> role(target, kind))
        .then(() -> target == Role.OWNER
            ? Decision.refused(GroupCodes.TARGET_ROLE_MISMATCH, kind.id() + ": the new owner must be another member")
            : Decision.allowed());
  }

  /** The actor leaves the group. */
  public static Decision quit(Actor actor, GroupKind kind) {
    return member(actor, kind).then(() -> actor == Actor.OWNER && kind.ownership().quit() == OwnerQuit.TRANSFER_FIRST
        ? Decision.refused(GroupCodes.OWNER_CANNOT_QUIT, kind.id() + ": the owner may not quit; transfer ownership"
            + " or dismiss the group first")
        : Decision.allowed());
  }

  /** The actor dismisses (destroys) the group. */
  public static Decision dismiss(Actor actor, GroupKind kind) {
    return actsIn(actor, kind).then(() -> may(actor, kind.ownership().dismissers(), kind, "dismiss the group"));
  }

  /**
   * The actor sends a message to the group; {@code muted} says whether the actor's own mute is still running. The
   * app server sends in anyone's name and is never muted.
   */
  public static Decision send(Actor actor, GroupKind kind, GroupOptions options, boolean muted) {
    if (actor == Actor.APP_SERVER) {
      return Decision.allowed();
    }
    return member(actor, kind)
        .then(() -> muted
            ? Decision.refused(GroupCodes.MUTED, kind.id() + ": you are muted in this group")
            : Decision.allowed())
        .then(() -> options.muteAll().silences(actor.role().orElseThrow())
            ? Decision.refused(GroupCodes.MUTED_ALL, kind.id() + ": the whole group is muted ("
                + options.muteAll().description() + ")")
            : Decision.allowed());
  }

  /** The group's member limit: its option where the kind allows one (capped at the kind's maximum), or the default. */
  public static int memberLimit(GroupKind kind, GroupOptions options) {
    return kind.refinedBy(options).limit().defaultMembers();
  }

  /** One more member fits, or MEMBER_LIMIT_REACHED. */
  public static Decision checkRoom(GroupKind kind, GroupOptions options, int members) {
    return Checks.room(kind.refinedBy(options), members);
  }

  /** The options are ones this kind lets a group set, with a member limit and whole-group mute it has. */
  public static Decision checkOptions(GroupKind kind, GroupOptions o) {
    Decision d = setting(kind, Setting.APPLY, o.apply().isPresent())
        .then(() -> setting(kind, Setting.INVITE, o.invite().isPresent()))
        .then(() -> setting(kind, Setting.INVITERS, o.inviters().isPresent()))
        .then(() -> setting(kind, Setting.INVITEE_CONSENT, o.inviteeConsent().isPresent()))
        .then(() -> setting(kind, Setting.INFO_EDITORS, o.infoEditors().isPresent()))
        .then(() -> setting(kind, Setting.CUSTOM_EDITORS, o.customEditors().isPresent()))
        .then(() -> setting(kind, Setting.MEMBER_LIMIT, o.memberLimit().isPresent()));
    return d.then(() -> o.memberLimit().isEmpty()
            || o.memberLimit().getAsInt() >= 1 && o.memberLimit().getAsInt() <= kind.limit().maxMembers()
            ? Decision.allowed()
            : Decision.refused(GroupCodes.BAD_MEMBER_LIMIT, kind.id() + ": a member limit is 1 to "
                + kind.limit().maxMembers() + ", not " + o.memberLimit().getAsInt()))
        .then(() -> level(kind, o.muteAll()));
  }

  private static Decision setting(GroupKind kind, Setting s, boolean present) {
    return !present || kind.settings().contains(s)
        ? Decision.allowed()
        : Decision.refused(GroupCodes.OPTION_NOT_SUPPORTED, kind.id() + ": a group of this kind may not set "
            + s.description());
  }

  private static Decision level(GroupKind kind, MuteAll level) {
    return kind.mute().levels().contains(level)
        ? Decision.allowed()
        : Decision.refused(GroupCodes.MUTE_LEVEL_NOT_SUPPORTED, kind.id() + " has no whole-group mute of "
            + level.description());
  }
}
