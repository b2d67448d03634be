package io.parley.server.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The apps this server hosts, by id. Lookups take no lock; a config reload swaps the whole set at once and reports
 * which apps were removed or changed, so that their sessions and caches can follow.
 */
public final class AppRegistry {
  private volatile Map<String, App> byId;

  /** @throws IllegalArgumentException when two apps share an id */
  public AppRegistry(Collection<App> apps) {
    this.byId = index(apps);
  }

  /** The app with this id, or empty when there is none (including for a null id). */
  public Optional<App> find(String appId) {
    return appId == null ? Optional.empty() : Optional.ofNullable(byId.get(appId));
  }

  /** Every hosted app. */
  public Collection<App> all() {
    return byId.values();
  }

  /** Replaces the hosted apps and says what changed. @throws IllegalArgumentException when two apps share an id */
  public synchronized Changes replace(Collection<App> apps) {
    Map<String, App> next = index(apps);
    Map<String, App> previous = byId;
    List<App> added = new ArrayList<>();
    List<App> changed = new ArrayList<>();
    List<App> removed = new ArrayList<>();
    for (App app : next.values()) {
      App old = previous.get(app.id());
      if (old == null) {
        added.add(app);
      } else if (!old.equals(app)) {
        changed.add(app);
      }
    }
    for (App old : previous.values()) {
      if (!next.containsKey(old.id())) {
        removed.add(old);
      }
    }
    byId = next;
    return new Changes(added, changed, removed);
  }

  /** What a {@link #replace} did: apps new to the server, apps whose settings changed, and apps gone. */
  public record Changes(List<App> added, List<App> changed, List<App> removed) {
    public boolean none() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
  }

  private static Map<String, App> index(Collection<App> apps) {
    Map<String, App> map = new HashMap<>();
    for (App app : apps) {
      if (map.putIfAbsent(app.id(), app) != null) {
        throw new IllegalArgumentException("two apps have the id " + app.id());
      }
    }
    return Map.copyOf(map);
  }

  @Override
  public String toString() {
    return "AppRegistry" + byId.values();
  }
}
