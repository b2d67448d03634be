package io.parley.protocol.credential.tencent;

/** Raised when a string cannot be read as a Tencent UserSig (bad Base64, bad zlib, bad JSON or missing fields). */
public final class UserSigFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public UserSigFormatException(String message) {
    super(message);
  }

  public UserSigFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
