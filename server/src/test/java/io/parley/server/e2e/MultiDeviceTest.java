package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.client.Platform;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A user on several devices")
class MultiDeviceTest {
  @RegisterExtension final ServerExtension running = new ServerExtension();

  @Test
  @DisplayName("a second login on the same platform kicks the first with LOGGED_IN_ELSEWHERE, which does not reconnect")
  void samePlatformKicks() throws Exception {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    try (ParleyClient phone1 = Clients.tcp(running.server(), "bob", first).deviceId("phone-1").platform(Platform.ANDROID).build();
        ParleyClient phone2 = Clients.tcp(running.server(), "bob", second).deviceId("phone-2").platform(Platform.ANDROID).build()) {
      phone1.connect().get(10, TimeUnit.SECONDS);
      phone2.connect().get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> first.kicks.contains(KickReason.LOGGED_IN_ELSEWHERE));
      await().atMost(Duration.ofSeconds(5)).until(() -> !phone1.isConnected());
      await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
          .until(() -> first.connected.get() == 1 && phone2.isConnected() && running.server().sessions().size() == 1);
      assertEquals(List.of(), second.kicks);
    }
  }

  @Test
  @DisplayName("devices on different platforms both receive, and the sender's other device receives what it sent")
  void otherPlatformsAllReceive() throws Exception {
    Recorder bobPhone = new Recorder();
    Recorder bobLaptop = new Recorder();
    Recorder aliceTablet = new Recorder();
    try (ParleyClient b1 = Clients.tcp(running.server(), "bob", bobPhone).deviceId("b-phone").platform(Platform.IOS).build();
        ParleyClient b2 = Clients.tcp(running.server(), "bob", bobLaptop).deviceId("b-laptop").platform(Platform.MAC).build();
        ParleyClient a1 = Clients.tcp(running.server(), "alice", new Recorder()).deviceId("a-phone").platform(Platform.ANDROID).build();
        ParleyClient a2 = Clients.tcp(running.server(), "alice", aliceTablet).deviceId("a-tablet").platform(Platform.IPAD).build()) {
      for (ParleyClient c : List.of(b1, b2, a1, a2)) {
        c.connect().get(10, TimeUnit.SECONDS);
      }
      a1.send("bob", "text", "from alice's phone".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(5))
          .until(() -> bobPhone.count() == 1 && bobLaptop.count() == 1 && aliceTablet.count() == 1);
      for (Recorder r : List.of(bobPhone, bobLaptop, aliceTablet)) {
        assertEquals("from alice's phone", new String(r.messages().get(0).content(), StandardCharsets.UTF_8));
        assertEquals("alice", r.messages().get(0).fromUserId());
        assertEquals("a-phone", r.messages().get(0).fromDeviceId());
      }
      assertEquals("bob", aliceTablet.messages().get(0).toUserId());
      assertFalse(bobPhone.kicks.contains(KickReason.LOGGED_IN_ELSEWHERE));
      assertEquals(4, running.server().sessions().size());
    }
  }
}
