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
  /** The team does not exist. */
  static final int TEAM_NOT_EXIST = 803;

  private NeteaseCodes() {}
}
