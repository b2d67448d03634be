package io.parley.server.vendor.netease;

/** The NetEase Yunxin codes the REST face answers with (netease.md §1). */
final class NeteaseCodes {
  static final int OK = 200;
  /** Illegal operation or no permission: also an unknown AppKey, a wrong CheckSum or a stale CurTime. */
  static final int NO_PERMISSION = 403;
  /** No such action (or object). */
  static final int NOT_FOUND = 404;
  /** A parameter is too long. */
  static final int TOO_LONG = 405;
  /** The server did not finish in time. */
  static final int TIMEOUT = 408;
  /** A parameter is missing or malformed (also {@code already register}, {@code accid not exist}). */
  static final int PARAMETER = 414;
  /** More items than the action takes. */
  static final int OVER_LIMIT = 419;
  /** The same (Nonce, CurTime) was seen before: a replayed request. */
  static final int REPEATED_REQUEST = 431;
  static final int SERVER_ERROR = 500;
  static final int BUSY = 503;
  /** The team is full (its member limit). */
  static final int TEAM_MEMBER_LIMIT = 801;
  /** The operator may not do this in the team (its role, the team's modes, a mute). */
  static final int TEAM_NO_PERMISSION = 802;
  /** The team does not exist. */
  static final int TEAM_NOT_EXIST = 803;
  /** The user is not a member of the team. */
  static final int NOT_IN_TEAM = 804;
  /** The member's status does not allow it (making a manager a manager, transferring to the owner). */
  static final int MEMBER_STATUS = 807;
  /** The user is already in the team. */
  static final int ALREADY_IN_TEAM = 809;

  private NeteaseCodes() {}
}
