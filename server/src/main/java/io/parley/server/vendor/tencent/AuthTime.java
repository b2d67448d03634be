package io.parley.server.vendor.tencent;

/** Second/millisecond conversions for credential expiry that saturate instead of overflowing. */
final class AuthTime {
  private AuthTime() {}

  static long epochMillis(long epochSeconds) {
    return epochSeconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : epochSeconds * 1000;
  }
}
