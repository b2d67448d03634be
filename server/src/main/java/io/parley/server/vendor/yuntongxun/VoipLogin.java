package io.parley.server.vendor.yuntongxun;

/** The outcome of a Yuntongxun sub-account (voipAccount + voipPwd) login check; a closed account does not exist. */
public enum VoipLogin {
  OK,
  NO_SUCH_ACCOUNT,
  WRONG_PASSWORD
}
