package io.parley.server.vendor.yuntongxun;

/**
 * A Yuntongxun sub-account as the vendor's REST API returns it; its user id in Parley is {@code voipAccount}.
 * {@code toString()} redacts the sub-token and the VoIP password.
 */
public record SubAccount(String subAccountSid, String subToken, String dateCreated, String voipAccount,
    String voipPwd, String friendlyName) {

  @Override
  public String toString() {
    return "SubAccount[subAccountSid=" + subAccountSid + ", subToken=<redacted>, dateCreated=" + dateCreated
        + ", voipAccount=" + voipAccount + ", voipPwd=<redacted>, friendlyName=" + friendlyName + "]";
  }
}
