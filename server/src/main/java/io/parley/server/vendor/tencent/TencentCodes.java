package io.parley.server.vendor.tencent;

/** The Tencent Cloud IM error codes the REST face answers with (vendor notes §6). */
final class TencentCodes {
  static final int OK = 0;
  /** UserSig expired. */
  static final int USERSIG_EXPIRED = 70001;
  /** UserSig missing or cannot be decoded. */
  static final int USERSIG_INVALID = 70003;
  /** UserSig signature check failed. */
  static final int SIGNATURE_MISMATCH = 70009;
  /** The request's identifier is not the one in the UserSig. */
  static final int IDENTIFIER_MISMATCH = 70013;
  /** The request's sdkappid is not the one in the UserSig. */
  static final int SDKAPPID_MISMATCH = 70014;
  /** No key for this SDKAppID: the server hosts no Tencent app with it. */
  static final int APP_NOT_FOUND = 70016;
  /** The account was never imported (or was deleted). */
  static final int NOT_IMPORTED = 70107;
  /** The request could not be read as HTTP. */
  static final int HTTP_PARSE = 60002;
  /** The body is not a JSON object. */
  static final int BAD_JSON = 60003;
  /** Bad URL or URL parameters (also: no such service or command). */
  static final int BAD_URL = 60004;
  /** The service did not answer in time (here: too busy to take the request). */
  static final int SERVICE_TIMEOUT = 60008;
  /** Internal error. */
  static final int SYSTEM_ERROR = 10002;
  /** A field of the body is missing, of the wrong type or out of range. */
  static final int INVALID_PARAMETER = 10004;
  /** admin_msgwithdraw: no message with that MsgKey from From_Account to To_Account (the vendor's own code). */
  static final int MSG_NOT_FOUND = 20022;
  /** The identifier is not the app's REST admin. */
  static final int NO_PERMISSION = 10007;

  private TencentCodes() {}
}
