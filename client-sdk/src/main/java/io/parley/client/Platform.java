package io.parley.client;

/** The device platform announced at login; the server's multi-device policy may use it. */
public enum Platform {
  ANDROID,
  IOS,
  WEB,
  WINDOWS,
  MAC,
  LINUX,
  IPAD
}
