package io.parley.server.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An {@link AppRegistry} fixed at construction, as loaded from configuration. */
public final class StaticAppRegistry implements AppRegistry {
  private final Map<String, App> byId;

  /** @throws IllegalArgumentException when two apps share an id */
  public StaticAppRegistry(Collection<App> apps) {
    Map<String, App> map = new HashMap<>();
    for (App app : apps) {
      if (map.putIfAbsent(app.id(), app) != null) {
        throw new IllegalArgumentException("two apps have the id " + app.id());
      }
    }
    this.byId = Map.copyOf(map);
  }

  @Override
  public Optional<App> find(String appId) {
    return appId == null ? Optional.empty() : Optional.ofNullable(byId.get(appId));
  }

  @Override
  public String toString() {
    return "StaticAppRegistry" + byId.values();
  }
}
