package io.parley.server.vendor.yuntongxun;

/**
 * The vendor's 6-digit {@code statusCode}s this face answers with. The request checks (URL, Authorization, sig) are
 * the REST gateway's {@code 1111xx} codes; the sub-account ones are those of the IM sub-account functions.
 */
final class YuntongxunCodes {
  static final String OK = "000000";

  static final String BAD_URL = "111100";
  static final String AUTHORIZATION_MISSING = "111101";
  static final String AUTHORIZATION_NOT_BASE64 = "111102";
  static final String AUTHORIZATION_FORMAT = "111103";
  static final String AUTHORIZATION_NO_ACCOUNT = "111104";
  static final String AUTHORIZATION_NO_TIMESTAMP = "111105";
  static final String TIMESTAMP_EXPIRED = "111106";
  static final String AUTHORIZATION_OTHER_ACCOUNT = "111107";
  static final String SIG_MISSING = "111108";
  static final String SIG_WRONG = "111109";
  static final String TOO_BUSY = "111111";
  static final String TIMESTAMP_FORMAT = "111113";
  static final String ACCOUNT_NOT_FOUND = "111141";
  static final String INTERNAL = "111001";

  static final String SUB_ACCOUNT_NOT_FOUND = "110015";
  static final String APP_NOT_FOUND = "110057";
  static final String REQUEST_FORMAT = "110141";

  private YuntongxunCodes() {}
}
