package io.parley.server.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What reloading the config did: apps added, changed (by id) and removed, how many sessions of removed apps were
 * kicked, and which other settings changed in the file but wait for a restart.
 */
public record ConfigReload(
    List<String> added, List<String> changed, List<String> removed, int kickedSessions, List<String> needRestart) {

  /** The settings other than apps that differ between the running and the reloaded config. */
  public static List<String> settingsNeedingRestart(ServerConfig running, ServerConfig reloaded) {
    List<String> keys = new ArrayList<>();
    if (!running.bind().equals(reloaded.bind())) {
      keys.add("bind");
    }
    if (!running.dataDir().equals(reloaded.dataDir())) {
      keys.add("dataDir");
    }
    if (!running.ports().equals(reloaded.ports())) {
      keys.add("ports");
    }
    if (running.syncPolicy() != reloaded.syncPolicy()) {
      keys.add("store");
    }
    if (!running.limits().equals(reloaded.limits())) {
      keys.add("limits");
    }
    if (!running.heartbeat().equals(reloaded.heartbeat())) {
      keys.add("heartbeat");
    }
    if (!running.loginThrottle().equals(reloaded.loginThrottle())) {
      keys.add("loginThrottle");
    }
    if (!running.tls().equals(reloaded.tls())) {
      keys.add("tls");
    }
    return keys;
  }
}
