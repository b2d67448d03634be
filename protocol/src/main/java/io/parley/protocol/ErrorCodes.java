package io.parley.protocol;

/**
 * Numeric codes carried by {@code Error.code}: Parley's own protocol codes and, for refused credentials, the code the
 * app's vendor uses for the same failure, so that an app's existing error handling keeps working.
 */
public final class ErrorCodes {
  private ErrorCodes() {}

  // --- protocol (connection is closed after these) ---
  public static final int FRAME_TOO_LARGE = 1000;
  public static final int MALFORMED_FRAME = 1001;
  public static final int LOGIN_REQUIRED = 1002;
  public static final int UNSUPPORTED_PROTOCOL_VERSION = 1003;

  // --- requests (connection stays open) ---
  public static final int UNKNOWN_BODY = 1004;
  public static final int ALREADY_LOGGED_IN = 1005;
  public static final int BAD_REQUEST = 1006;
  public static final int EMPTY_MESSAGE = 2001;
  public static final int MESSAGE_TOO_LARGE = 2002;
  public static final int INVALID_RECIPIENT = 2003;
  public static final int RATE_LIMITED = 2004;
  /** An element of the message body is malformed: the message names the element (by index) and the field. */
  public static final int INVALID_ELEMENT = 2005;
  /** The app server refused the message in its before-send callback; the message carries the app's own code and text. */
  public static final int REFUSED_BY_APP = 2006;
  public static final int INTERNAL = 5000;
  public static final int UNAVAILABLE = 5001;

  // --- login refusals of any vendor (connection is closed) ---
  /** Too many failed logins from this address or for this user; the message says when to retry. */
  public static final int TOO_MANY_LOGIN_ATTEMPTS = 1007;
  /** The Login's credential kind is not one the app's vendor (or the app's settings) accepts. */
  public static final int CREDENTIAL_KIND_NOT_ACCEPTED = 1008;

  // --- Tencent (TLSSigAPIv2 UserSig) ---
  public static final int UNKNOWN_APP = 70016;
  public static final int TENCENT_USERSIG_EXPIRED = 70001;
  public static final int TENCENT_USERSIG_INVALID = 70003;
  public static final int TENCENT_SIGNATURE_MISMATCH = 70009;
  public static final int TENCENT_IDENTIFIER_MISMATCH = 70013;
  public static final int TENCENT_SDKAPPID_MISMATCH = 70014;
  /** REST: the request's identifier is not the app's admin identifier. */
  public static final int TENCENT_NO_PERMISSION = 10007;

  // --- Rongcloud (client connect codes of RongIMLib) ---
  /** RC_CONN_ID_REJECT: the token belongs to another App Key. */
  public static final int RONGCLOUD_APP_KEY_REJECTED = 31002;
  /** RC_CONN_TOKEN_INCORRECT: cannot decode, forged, or for another user. */
  public static final int RONGCLOUD_TOKEN_INCORRECT = 31004;
  /** RC_CONN_TOKEN_EXPIRE: the app expired the user's tokens after this one was issued. */
  public static final int RONGCLOUD_TOKEN_EXPIRED = 31020;
  /** The app blocked this user (user/block) and the block has not ended. */
  public static final int RONGCLOUD_USER_BLOCKED = 31009;

  // --- NetEase Yunxin (static token login) ---
  /** Account banned (user/block). */
  public static final int NETEASE_BLOCKED = 301;
  /** Wrong accid or token. */
  public static final int NETEASE_WRONG_ACCOUNT_OR_TOKEN = 302;

  // --- Yuntongxun (status codes of its REST API, the closest the vendor documents) ---
  /** The sub-account (voipAccount) does not exist or was closed. */
  public static final int YUNTONGXUN_SUBACCOUNT_NOT_FOUND = 110015;
  /** Wrong sub-account password (voipPwd). */
  public static final int YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN = 110010;
  /** Wrong APP TOKEN in any-account login. */
  public static final int YUNTONGXUN_TOKEN_INVALID = 110018;
  /** A user name that breaks the vendor's rules in any-account login. */
  public static final int YUNTONGXUN_BAD_FORMAT = 110141;
}
