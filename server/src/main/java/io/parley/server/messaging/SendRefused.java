package io.parley.server.messaging;

/** A send the server will not store, with the protocol error code to answer it with. */
public final class SendRefused extends Exception {
  private final int code;

  public SendRefused(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
