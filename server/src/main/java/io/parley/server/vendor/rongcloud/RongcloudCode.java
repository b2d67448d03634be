package io.parley.server.vendor.rongcloud;

/** The Rongcloud Server API result codes the REST face answers with (rongcloud.md §1), each with its HTTP status. */
enum RongcloudCode {
  OK(200, 200),
  /** Internal error. */
  INTERNAL(1000, 500),
  /** No app with this App Key (or its secret does not match). */
  APP_KEY(1001, 401),
  /** A parameter is missing, of the wrong type or out of range. */
  PARAMETER(1002, 400),
  /** The request has no POST data at all. */
  NO_POST_DATA(1003, 400),
  /** The signature headers are missing or wrong, the timestamp is stale, or the request was replayed. */
  SIGNATURE(1004, 401),
  /** A parameter is too long. */
  TOO_LONG(1005, 400),
  /** Too many requests. */
  RATE_LIMIT(1008, 429),
  /** The service did not answer in time (here: the store). */
  TIMEOUT(1050, 504);

  final int code;
  final int httpStatus;

  RongcloudCode(int code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }
}
