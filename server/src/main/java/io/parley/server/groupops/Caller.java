package io.parley.server.groupops;

import java.util.Objects;

/** Who asks for a group operation: the app server (a vendor REST call) or a logged-in user. */
public record Caller(String userId) {
  /** The app server: no user id. */
  public static final Caller APP_SERVER = new Caller("");

  public Caller {
    Objects.requireNonNull(userId, "userId");
  }

  /** True for the app server. */
  public boolean isAppServer() {
    return userId.isEmpty();
  }

  /** A logged-in user. @throws IllegalArgumentException for an empty id (that would be the app server) */
  public static Caller user(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a user caller needs a user id");
    }
    return new Caller(id);
  }
}
