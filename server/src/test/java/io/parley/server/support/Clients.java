package io.parley.server.support;

import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.client.Platform;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import java.net.URI;
import java.time.Duration;

/** Builders of real SDK clients pointed at a test server. */
public final class Clients {
  private Clients() {}

  public static ParleyClient.Builder tcp(ParleyServer server, String user, Recorder listener) {
    return base(user, listener).tcp("127.0.0.1", server.tcpPort());
  }

  /** A client of the sandbox's Tencent app at a server's TCP port (a server in a child process). */
  public static ParleyClient.Builder tcp(int tcpPort, String user, Recorder listener) {
    return base(user, listener).tcp("127.0.0.1", tcpPort);
  }

  public static ParleyClient.Builder ws(ParleyServer server, String user, Recorder listener) {
    return base(user, listener).webSocket(URI.create("ws://127.0.0.1:" + server.wsPort() + "/ws"));
  }

  private static ParleyClient.Builder base(String user, Recorder listener) {
    return ParleyClient.builder()
        .appId(Sandbox.TENCENT_APP_ID)
        .userId(user)
        .credential(CredentialKind.TENCENT_USERSIG, () -> TestServers.userSig(user))
        .deviceId(user + "-device")
        .platform(Platform.LINUX)
        .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
        .listener(listener);
  }
}
