package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.ParleyClient;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.Clients;
import io.parley.server.support.IdleDroppingProxy;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The adaptive heartbeat")
class HeartbeatTest {
  private static final long NAT_IDLE_LIMIT_MS = 700;

  @RegisterExtension final ServerExtension running = new ServerExtension(c -> c.withHeartbeat(new ServerConfig.Heartbeat(100, 3_000, 500)));

  @Test
  @DisplayName("settles below a NAT's idle timeout and then keeps the connection up")
  void settlesBelowNatTimeout() throws Exception {
    Recorder rec = new Recorder();
    try (IdleDroppingProxy nat = new IdleDroppingProxy(running.server().tcpPort(), NAT_IDLE_LIMIT_MS);
        ParleyClient bob = Clients.tcp(running.server(), "bob", rec).tcp("127.0.0.1", nat.port()).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
      // The client probes longer intervals until one gets cut, then settles below it.
      await().atMost(Duration.ofSeconds(30)).until(() -> nat.drops() >= 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> bob.isConnected() && bob.heartbeatIntervalMs() < NAT_IDLE_LIMIT_MS);
      int dropsWhenSettled = nat.drops();
      int interval = bob.heartbeatIntervalMs();
      // Settled: several intervals pass with no further drop and the interval stays put.
      await().during(Duration.ofMillis(8 * interval)).atMost(Duration.ofSeconds(20))
          .until(() -> nat.drops() == dropsWhenSettled && bob.isConnected());
      assertTrue(bob.heartbeatIntervalMs() < NAT_IDLE_LIMIT_MS, "interval " + bob.heartbeatIntervalMs());
      assertTrue(bob.heartbeatIntervalMs() >= 100, "never below the server's minimum");
    }
  }
}
