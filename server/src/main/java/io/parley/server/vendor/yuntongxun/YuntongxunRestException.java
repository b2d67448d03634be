package io.parley.server.vendor.yuntongxun;

/** A request the REST face refuses with a Yuntongxun {@code statusCode}: expected bad input, no stack trace. */
final class YuntongxunRestException extends Exception {
  private final String code;

  YuntongxunRestException(String code, String statusMsg) {
    super(statusMsg, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
