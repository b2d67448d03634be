package io.parley.server.vendor.netease;

/**
 * A request the REST face refuses with a NetEase code and {@code desc}: expected bad input, so it carries no stack
 * trace and is never logged as a failure.
 */
final class NeteaseRestException extends Exception {
  private final int code;

  NeteaseRestException(int code, String desc) {
    super(desc, null, false, false);
    this.code = code;
  }

  /** A 414 for a parameter that is missing or malformed; {@code desc} names it. */
  static NeteaseRestException parameter(String desc) {
    return new NeteaseRestException(NeteaseCodes.PARAMETER, desc);
  }

  int code() {
    return code;
  }
}
