package io.parley.protocol;

/** Numeric codes carried by {@code Error.code}: Parley's own protocol codes and the vendors' credential codes. */
public final class ErrorCodes {
  private ErrorCodes() {}

  /** The protocol version this build speaks. */
  public static final int PROTOCOL_VERSION = 1;

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
  public static final int INTERNAL = 5000;
  public static final int UNAVAILABLE = 5001;

  // --- credentials (vendor codes; connection is closed after a refused login) ---
  public static final int UNKNOWN_APP = 70016;
  public static final int TENCENT_USERSIG_EXPIRED = 70001;
  public static final int TENCENT_USERSIG_INVALID = 70003;
  public static final int TENCENT_SIGNATURE_MISMATCH = 70009;
  public static final int TENCENT_IDENTIFIER_MISMATCH = 70013;
  public static final int TENCENT_SDKAPPID_MISMATCH = 70014;
}
