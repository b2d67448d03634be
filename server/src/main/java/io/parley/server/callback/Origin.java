package io.parley.server.callback;

import java.util.Objects;

/**
 * Where an event came from: the platform, the client's address ({@code clientPort} 0 when unknown) and the device id
 * the client logged in with (empty when unknown, e.g. a REST call).
 */
public record Origin(Platform platform, String clientIp, int clientPort, String deviceId) {

  /** An event caused by the app server through the vendor REST API. */
  public static Origin serverApi(String clientIp) {
    return new Origin(Platform.SERVER_API, clientIp, 0, "");
  }

  public Origin {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(deviceId, "deviceId");
    if (clientPort < 0 || clientPort > 65535) {
      throw new IllegalArgumentException("clientPort must be 0-65535, not " + clientPort);
    }
  }

  /** {@code ip:port}, or just the ip when the port is unknown. */
  public String ipAndPort() {
    return clientPort == 0 ? clientIp : clientIp + ":" + clientPort;
  }
}
