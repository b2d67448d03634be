package io.parley.server.group;

/** A per-group setting that a kind may let a group change (a field of {@link GroupOptions}). */
public enum Setting {
  /** How applications are handled: Tencent ApplyJoinOption, NetEase joinmode. */
  APPLY("how applications are handled (ApplyJoinOption, joinmode)"),
  /** How members' invitations are handled: Tencent InviteJoinOption. */
  INVITE("how members' invitations are handled (InviteJoinOption)"),
  /** Who may invite: NetEase invitemode. */
  INVITERS("who may invite (invitemode)"),
  /** Whether an invitee must agree: NetEase beinvitemode. */
  INVITEE_CONSENT("whether an invitee must agree (beinvitemode)"),
  /** Who may edit the group's info: NetEase uptinfomode. */
  INFO_EDITORS("who may edit the group's info (uptinfomode)"),
  /** Who may edit the group's custom fields: NetEase upcustommode. */
  CUSTOM_EDITORS("who may edit the group's custom fields (upcustommode)"),
  /** The member limit (within the kind's maximum): Tencent MaxMemberCount, NetEase teamMemberLimit. */
  MEMBER_LIMIT("a member limit");

  private final String description;

  Setting(String description) {
    this.description = description;
  }

  /** The setting in words, with the vendors' names for it. */
  public String description() {
    return description;
  }
}
