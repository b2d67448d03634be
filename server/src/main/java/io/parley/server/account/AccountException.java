package io.parley.server.account;

/** A refused account operation, carrying the vendor's own error code (REST layers answer with it) and its message. */
public final class AccountException extends Exception {

  private final int code;

  public AccountException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** The vendor's code for this failure, e.g. NetEase 414 or Yuntongxun 110011. */
  public int code() {
    return code;
  }

  @Override
  public String toString() {
    return "AccountException[" + code + ": " + getMessage() + "]";
  }
}
