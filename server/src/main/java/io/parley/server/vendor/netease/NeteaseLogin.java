package io.parley.server.vendor.netease;

/** The outcome of a NetEase static-token login check; a wrong token is reported before a block. */
public enum NeteaseLogin {
  OK,
  NO_SUCH_ACCOUNT,
  WRONG_TOKEN,
  BLOCKED
}
