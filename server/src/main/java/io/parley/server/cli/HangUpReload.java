package io.parley.server.cli;

import io.parley.server.ParleyServer;
import io.parley.server.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Reloads the config file when the process receives SIGHUP, as daemons conventionally do. */
final class HangUpReload {
  private static final Logger LOG = LoggerFactory.getLogger(HangUpReload.class);

  private HangUpReload() {}

  static void install(ParleyServer server) {
    try {
      Signal.handle(new Signal("HUP"), signal -> {
        try {
          server.reloadConfig(); // logs what changed
        } catch (ConfigException e) {
          LOG.error("SIGHUP: the config was not reloaded, the running apps stay as they were: {}", e.getMessage());
        } catch (RuntimeException e) {
          LOG.error("SIGHUP: reloading the config failed", e);
        }
      });
    } catch (IllegalArgumentException unsupported) {
      LOG.warn("this platform has no SIGHUP; reload the config with POST /admin/reload");
    }
  }
}
