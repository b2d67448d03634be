package io.parley.server.vendor.rongcloud;

/**
 * A request the REST face refuses with a Rongcloud code: expected bad input, so it carries no stack trace and is never
 * logged as a failure.
 */
final class RongcloudRestException extends Exception {
  private final RongcloudCode code;

  RongcloudRestException(RongcloudCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  RongcloudCode code() {
    return code;
  }
}
