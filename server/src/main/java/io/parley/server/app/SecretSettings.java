package io.parley.server.app;

/**
 * An app's settings as a configuration file gives them, for a vendor to read its secrets from; {@code E} is how the
 * source reports a missing or malformed value (a config error naming the key).
 */
public interface SecretSettings<E extends Exception> {
  String required(String key) throws E;

  String string(String key, String absent) throws E;

  boolean bool(String key, boolean absent) throws E;
}
