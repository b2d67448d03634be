package io.parley.server.account;

/** The outcome of a NetEase static-token login check; a wrong token is reported before a block. */
public enum NeteaseLogin {
  OK,
  NO_SUCH_ACCOUNT,
  WRONG_TOKEN,
  BLOCKED
}
