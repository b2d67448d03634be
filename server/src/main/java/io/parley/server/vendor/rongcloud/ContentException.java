package io.parley.server.vendor.rongcloud;

/** A message content that is not what its objectName needs; the message says what is wrong. */
public final class ContentException extends Exception {
  ContentException(String message) {
    super(message, null, false, false);
  }
}
