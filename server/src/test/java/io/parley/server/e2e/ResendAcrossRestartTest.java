package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.server.ParleyServer;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.TestServers;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Sends survive a server restart")
class ResendAcrossRestartTest {
  private static final int N = 300;

  @TempDir Path dir;

  @Test
  @DisplayName("sends in flight when the server restarts are resent with their ids, stored once and delivered once, in order")
  void resendAfterRestart() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    ServerConfig config = TestServers.config(dir).withPorts(new ServerConfig.Ports(port, 0, 0, 0, 0));
    ParleyServer server = ParleyServer.start(config);
    Recorder bobInbox = new Recorder();
    try (ParleyClient alice = Clients.tcp(server, "alice", new Recorder()).build();
        ParleyClient bob = Clients.tcp(server, "bob", bobInbox).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      bob.connect().get(10, TimeUnit.SECONDS);
      List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        sends.add(alice.send("m" + i, "bob", "text", ("m" + i).getBytes(StandardCharsets.UTF_8)));
        if (i == N / 2) {
          server.close(); // kicks everyone with SERVER_SHUTDOWN; sends keep queuing in the SDK
          server = ParleyServer.start(config);
        }
      }
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      for (int i = 0; i < N; i++) {
        assertEquals(i + 1, sends.get(i).get().seq(), "alice's seq for m" + i);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> bobInbox.count() >= N);
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(3)).until(() -> bobInbox.count() == N);
      List<ReceivedMessage> got = bobInbox.messages();
      for (int i = 0; i < N; i++) {
        assertEquals("m" + i, new String(got.get(i).content(), StandardCharsets.UTF_8));
        assertEquals(i + 1, got.get(i).seq());
      }
      assertEquals(N, server.store().newestSeq("1400000000", "bob"), "stored once each");
    } finally {
      server.close();
    }
  }
}
