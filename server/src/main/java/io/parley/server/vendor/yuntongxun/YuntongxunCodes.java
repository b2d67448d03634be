package io.parley.server.vendor.yuntongxun;

/**
 * The vendor's 6-digit {@code statusCode}s this face answers with. The request checks (URL, Authorization, sig) are
 * the REST gateway's {@code 1111xx} codes; the sub-account ones are those of the IM sub-account functions; the group
 * ones ({@code 5900xx}) are Parley's own.
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

  static final String SUB_ACCOUNT_TOKEN_WRONG = "110010";
  static final String SUB_ACCOUNT_NOT_FOUND = "110015";
  static final String APP_NOT_FOUND = "110057";
  static final String REQUEST_FORMAT = "110141";

  // Group functions (classic IM group REST API). The vendor's group codes are not in our notes: these are Parley's
  // choice, one per kind of refusal, in a 5900xx range of their own (see GroupRefusals for the mapping).
  static final String NO_SUCH_GROUP = "590010";
  static final String GROUP_EXISTS = "590011";
  static final String ALREADY_MEMBER = "590012";
  static final String NOT_A_MEMBER = "590013";
  static final String NOT_PERMITTED = "590014";
  static final String OWNER_CANNOT_QUIT = "590015";
  static final String GROUP_FULL = "590016";
  static final String FORBIDDEN_TO_SPEAK = "590017";
  static final String JOIN_CLOSED = "590018";
  static final String NO_SUCH_APPLICATION = "590019";
  static final String REFUSED_BY_APP = "590020";

  private YuntongxunCodes() {}
}
