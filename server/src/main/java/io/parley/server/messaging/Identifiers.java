package io.parley.server.messaging;

/** The shape every user, device and client message id must have before it reaches the store. */
public final class Identifiers {
  public static final int MAX_LENGTH = 128;

  private Identifiers() {}

  /** True for a non-empty id of at most 128 characters with no control characters. */
  public static boolean valid(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
