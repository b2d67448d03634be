package io.parley.server.group;

/**
 * A whole-group mute: Tencent MuteAllMember Off/On (On spares owner and admins), NetEase muteType 0 none / 1 normal
 * members / 3 everyone (owner included), a Rongcloud group ban (everyone; the whitelist is not modelled yet).
 */
public enum MuteAll {
  OFF("nobody"),
  /** Members who are neither owner nor admin may not send. */
  MEMBERS("all but the owner and admins"),
  /** Nobody may send, owner included. */
  EVERYONE("everyone, the owner included");

  private final String description;

  MuteAll(String description) {
    this.description = description;
  }

  /** Who this mute silences, in words. */
  public String description() {
    return description;
  }

  /** True when a member of this role may not send under this mute. */
  public boolean silences(Role role) {
    return switch (this) {
      case OFF -> false;
      case MEMBERS -> role == Role.MEMBER;
      case EVERYONE -> true;
    };
  }
}
