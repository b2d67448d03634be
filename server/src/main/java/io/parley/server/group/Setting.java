package io.parley.server.group;

/** A per-group setting that a kind may let a group change (a field of {@link GroupOptions}). */
public enum Setting {
  /** How applications are handled: Tencent ApplyJoinOption, NetEase joinmode. */
  APPLY,
  /** How members' invitations are handled: Tencent InviteJoinOption. */
  INVITE,
  /** Who may invite: NetEase invitemode. */
  INVITERS,
  /** Whether an invitee must agree: NetEase beinvitemode. */
  INVITEE_CONSENT,
  /** Who may edit the group's info: NetEase uptinfomode. */
  INFO_EDITORS,
  /** Who may edit the group's custom fields: NetEase upcustommode. */
  CUSTOM_EDITORS,
  /** The member limit (within the kind's maximum): Tencent MaxMemberCount, NetEase teamMemberLimit. */
  MEMBER_LIMIT
}
