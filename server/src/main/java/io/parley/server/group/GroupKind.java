package io.parley.server.group;

import java.util.EnumSet;
import java.util.Set;

/**
 * One kind of group as a row of rules: the roles it has and, for each operation, who may do it. Decisions read the
 * row ({@link GroupRules}); nothing branches on which kind it is. The rows themselves are in {@link GroupKinds}.
 *
 * <p>Every "who" column is a set of {@link Actor}s: an empty set means the kind does not have the operation at all
 * (not even for the app server); a set holding only {@link Actor#APP_SERVER} means only the vendor's REST API may.
 *
 * @param id stable name, {@code vendor.Kind}, e.g. {@code tencent.Public}
 * @param roles the member roles the kind has; always includes {@link Role#MEMBER}
 * @param join how a non-member's application is handled, and who approves
 * @param invite who may invite, whether members' invitations need approval, whether the invitee must agree
 * @param edit who may edit the group's info and its custom fields
 * @param kickers who may remove a member (always of a lower rank than the actor)
 * @param mute who may mute members or the whole group, for how long, and which whole-group mutes exist
 * @param ownership who appoints admins, transfers ownership and dismisses, and whether the owner may quit
 * @param storage whether membership and history are stored, how much history a new member sees, unread counts
 * @param limit default and maximum member count
 * @param settings which per-group {@link GroupOptions} this kind lets a group change
 */
public record GroupKind(
    String id,
    Set<Role> roles,
    Join join,
    Invite invite,
    Edit edit,
    Set<Actor> kickers,
    Mute mute,
    Ownership ownership,
    Storage storage,
    Limit limit,
    Set<Setting> settings) {

  /** No upper bound on members (Tencent AVChatRoom). */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** Applications from non-members: the default admission and who may approve one. */
  public record Join(Admission admission, Set<Actor> approvers) {
    /** Copies the set. */
    public Join {
      approvers = Set.copyOf(approvers);
    }
  }

  /** Invitations: who may invite, how members' invitations are handled, whether the invitee must agree. */
  public record Invite(Set<Actor> inviters, Admission admission, Consent consent) {
    /** Copies the set. */
    public Invite {
      inviters = Set.copyOf(inviters);
    }
  }

  /** Who may edit the group's info (name, notification, introduction, face) and its custom fields. */
  public record Edit(Set<Actor> info, Set<Actor> custom) {
    /** Copies the sets. */
    public Edit {
      info = Set.copyOf(info);
      custom = Set.copyOf(custom);
    }
  }

  /**
   * Muting: who may mute (one member or the whole group), the longest mute of one member in seconds, and the
   * whole-group mutes the kind has ({@link MuteAll#OFF} always).
   */
  public record Mute(Set<Actor> muters, long maxSeconds, Set<MuteAll> levels) {
    /** Copies the sets; OFF is always a level. */
    public Mute {
      muters = Set.copyOf(muters);
      EnumSet<MuteAll> all = EnumSet.of(MuteAll.OFF);
      all.addAll(levels);
      levels = Set.copyOf(all);
      if (maxSeconds < 0) {
        throw new IllegalArgumentException("maxSeconds < 0");
      }
    }
  }

  /** The owner's powers and duties. */
  public record Ownership(Set<Actor> appointers, Set<Actor> transferrers, Set<Actor> dismissers, OwnerQuit quit) {
    /** Copies the sets. */
    public Ownership {
      appointers = Set.copyOf(appointers);
      transferrers = Set.copyOf(transferrers);
      dismissers = Set.copyOf(dismissers);
    }
  }

  /** What the server keeps for the group. */
  public record Storage(Membership membership, History history, Unread unread) {}

  /** Default member count for a new group and the most a group may set. */
  public record Limit(int defaultMembers, int maxMembers) {
    /** Both positive, default at most max. */
    public Limit {
      if (defaultMembers < 1 || maxMembers < defaultMembers) {
        throw new IllegalArgumentException("limit " + defaultMembers + " / " + maxMembers);
      }
    }
  }

  /** Copies the sets and checks that the row is consistent with its own roles. */
  public GroupKind {
    roles = Set.copyOf(roles);
    kickers = Set.copyOf(kickers);
    settings = Set.copyOf(settings);
    if (!roles.contains(Role.MEMBER)) {
      throw new IllegalArgumentException(id + ": every kind has members");
    }
    if (!ownership.appointers().isEmpty() && !roles.contains(Role.ADMIN)) {
      throw new IllegalArgumentException(id + ": admins are appointed but the kind has no admins");
    }
    if (!ownership.transferrers().isEmpty() && !roles.contains(Role.OWNER)) {
      throw new IllegalArgumentException(id + ": ownership is transferred but the kind has no owner");
    }
  }

  /**
   * This row with the group's options applied where the kind lets a group change them ({@link #settings()}); an
   * option the kind does not allow is ignored here ({@link GroupRules#checkOptions} refuses it).
   */
  public GroupKind refinedBy(GroupOptions o) {
    Admission apply = pick(Setting.APPLY, o.apply().orElse(null), join.admission());
    Admission inviteAdmission = pick(Setting.INVITE, o.invite().orElse(null), invite.admission());
    Set<Actor> inviters = pick(Setting.INVITERS, o.inviters().orElse(null), invite.inviters());
    Consent consent = pick(Setting.INVITEE_CONSENT, o.inviteeConsent().orElse(null), invite.consent());
    Set<Actor> info = pick(Setting.INFO_EDITORS, o.infoEditors().orElse(null), edit.info());
    Set<Actor> custom = pick(Setting.CUSTOM_EDITORS, o.customEditors().orElse(null), edit.custom());
    int members = o.memberLimit().isPresent() && settings.contains(Setting.MEMBER_LIMIT)
        ? Math.min(Math.max(1, o.memberLimit().getAsInt()), limit.maxMembers())
        : limit.defaultMembers();
    return new GroupKind(id, roles, new Join(apply, join.approvers()),
        new Invite(inviters, inviteAdmission, consent), new Edit(info, custom), kickers, mute, ownership, storage,
        new Limit(members, limit.maxMembers()), settings);
  }

  private <T> T pick(Setting setting, T option, T kindDefault) {
    return option != null && settings.contains(setting) ? option : kindDefault;
  }
}
