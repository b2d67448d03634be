package io.parley.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A silent connection is told why it is closed")
class IdleKickTest {
  @RegisterExtension static final ServerExtension running = new ServerExtension(c -> c.withLimits(new ServerConfig.Limits(1 << 20, 300)));

  @Test
  @DisplayName("a connection that sends no Login within the login timeout gets Kick IDLE_TIMEOUT, then end of stream")
  void silentBeforeLogin() throws Exception {
    try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      Frame f = c.read();
      assertTrue(f.hasKick(), "a Kick, not a bare close: " + f);
      assertEquals(KickReason.IDLE_TIMEOUT, f.getKick().getReason());
      assertTrue(c.closedByServer());
    }
  }
}
