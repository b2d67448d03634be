package io.parley.server.messaging;

/** A recall the store did not take in time; retrying it is safe. */
public final class RecallFailed extends Exception {
  public RecallFailed(String message) {
    super(message, null, false, false);
  }
}
