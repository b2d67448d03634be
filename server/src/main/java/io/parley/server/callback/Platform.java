package io.parley.server.callback;

/** The kind of client an event came from, as the vendors' callbacks distinguish them; SERVER_API is a REST call. */
public enum Platform {
  ANDROID, IOS, IPAD, WEB, WINDOWS, MAC, LINUX, SERVER_API, UNKNOWN;

  /** The platform a client stated at login. */
  public static Platform of(io.parley.protocol.v1.Platform loginPlatform) {
    if (loginPlatform == null) {
      return UNKNOWN;
    }
    return switch (loginPlatform) {
      case ANDROID -> ANDROID;
      case IOS -> IOS;
      case IPAD -> IPAD;
      case WEB -> WEB;
      case WINDOWS -> WINDOWS;
      case MAC -> MAC;
      case LINUX -> LINUX;
      case PLATFORM_UNSPECIFIED, UNRECOGNIZED -> UNKNOWN;
    };
  }
}
