package io.parley.server.config;

/** A configuration problem, phrased as one line naming the key and what is wrong with it. */
public final class ConfigException extends Exception {
  private final String key;

  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
