package io.parley.client;

/**
 * A request the server (or this client) refused, with its numeric code: server codes are those of
 * {@code io.parley.protocol.ErrorCodes}; negative codes are raised by the client itself.
 */
public final class ParleyException extends RuntimeException {
  /** The client was closed before the request completed. */
  public static final int CLIENT_CLOSED = -1;
  /** Too many sends are waiting for the server; the send was not queued. */
  public static final int TOO_MANY_PENDING = -2;
  /**
   * The client is not logged in (not connected yet, or reconnecting), or the connection was lost before the server
   * answered: a group request is not kept across reconnects (it may not be safe to repeat). Try again once connected.
   */
  public static final int NOT_CONNECTED = -3;
  /** The server's answer lacked what the request expects (e.g. a create answered without the group). */
  public static final int MALFORMED_RESULT = -4;

  private final int code;

  public ParleyException(int code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  /** The error code: a server code from {@code ErrorCodes}, or one of this class's negative codes. */
  public int code() {
    return code;
  }
}
