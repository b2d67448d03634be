package io.parley.client;

/** Why the server ended a session with a Kick. */
public enum KickReason {
  /** Another device of the same user logged in and this one was signed out; not reconnected. */
  LOGGED_IN_ELSEWHERE,
  /** The credential expired during the session; not reconnected until the app calls connect() again. */
  CREDENTIAL_EXPIRED,
  /** The server is shutting down; the client reconnects. */
  SERVER_SHUTDOWN,
  /** The server saw no heartbeat in time; the client reconnects. */
  IDLE_TIMEOUT,
  /** The client read too slowly; the client reconnects and catches up by pulling. */
  SLOW_CONSUMER,
  /** The app blocked this account; not reconnected. */
  ACCOUNT_BLOCKED,
  /** The app revoked the credential (or changed the account's token); not reconnected until connect() with a new one. */
  CREDENTIAL_REVOKED,
  /** The app was removed from the server; not reconnected. */
  APP_REMOVED,
  /** A reason this SDK version does not know; the client reconnects. */
  UNKNOWN
}
