package io.parley.client;

/**
 * Receives a client's events, one at a time and in order, on a thread owned by the client (never a
 * network thread, so a method may block). Every method does nothing by default.
 */
public interface ParleyListener {
  /** A login succeeded: the first one after connect(), or an automatic reconnect. */
  default void onConnected(LoginInfo info) {}

  /** A logged-in connection ended; unless it was a final kick, the client reconnects by itself. */
  default void onDisconnected(Throwable cause) {}

  /** The server ended the session; see {@link KickReason} for which reasons stop reconnecting. */
  default void onKicked(KickReason reason, String message) {}

  /** The credential expired (at login or during the session): call connect() again once the supplier has a new one. */
  default void onCredentialExpired() {}

  /** The server refused the credential for good; the client stays disconnected until connect() is called again. */
  default void onLoginFailed(int code, String message) {}

  /** The next timeline entry, exactly once and in seq order; returning acknowledges it. */
  default void onMessage(ReceivedMessage message) {}
}
