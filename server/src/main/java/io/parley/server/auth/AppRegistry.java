package io.parley.server.auth;

import java.util.Optional;

/** Looks up the apps this server hosts by their vendor app id. */
public interface AppRegistry {
  /** The app with this id, or empty when there is none (including for a null id). */
  Optional<App> find(String appId);
}
