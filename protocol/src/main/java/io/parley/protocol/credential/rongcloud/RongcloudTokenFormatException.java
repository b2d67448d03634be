package io.parley.protocol.credential.rongcloud;

/** Raised when a string cannot be read as a Parley-issued Rongcloud token; the message says what is wrong. */
public final class RongcloudTokenFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public RongcloudTokenFormatException(String message) {
    super(message);
  }

  public RongcloudTokenFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
