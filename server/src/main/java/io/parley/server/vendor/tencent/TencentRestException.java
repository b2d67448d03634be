package io.parley.server.vendor.tencent;

/**
 * A request the REST face refuses with a Tencent error code: expected bad input, so it carries no stack trace and is
 * never logged as a failure.
 */
final class TencentRestException extends Exception {
  private final int code;

  TencentRestException(int code, String info) {
    super(info, null, false, false);
    this.code = code;
  }

  int code() {
    return code;
  }
}
