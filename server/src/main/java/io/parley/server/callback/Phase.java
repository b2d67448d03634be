package io.parley.server.callback;

/** Whether a callback asks the app before an operation (and may stop it) or tells it afterwards. */
public enum Phase {
  BEFORE,
  AFTER
}
