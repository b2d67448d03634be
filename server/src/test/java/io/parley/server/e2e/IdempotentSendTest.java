package io.parley.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.ParleyClient;
import io.parley.client.SendReceipt;
import io.parley.server.ParleyServer;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.TestServers;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Sends are idempotent")
class IdempotentSendTest {
  @TempDir Path dir;
  ParleyServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(dir);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  @DisplayName("a retry with the same client message id returns the first id and seq and stores nothing new")
  void retryReturnsOriginal() throws Exception {
    try (ParleyClient alice = Clients.tcp(server, "alice", new Recorder()).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      SendReceipt first = alice.send("cmid-1", "bob", "text", "hello".getBytes()).get(10, TimeUnit.SECONDS);
      SendReceipt again = alice.send("cmid-1", "bob", "text", "hello".getBytes()).get(10, TimeUnit.SECONDS);
      assertFalse(first.duplicate());
      assertTrue(again.duplicate());
      assertEquals(first.serverMsgId(), again.serverMsgId());
      assertEquals(first.seq(), again.seq());
      assertEquals(first.serverTimeMs(), again.serverTimeMs());
    }
    // and after a new connection too
    try (ParleyClient alice = Clients.tcp(server, "alice", new Recorder()).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      SendReceipt later = alice.send("cmid-1", "bob", "text", "hello".getBytes()).get(10, TimeUnit.SECONDS);
      assertTrue(later.duplicate());
      assertEquals(1, later.seq());
    }
    assertEquals(1, server.store().newestSeq("1400000000", "bob"), "bob's timeline holds it once");
    assertEquals(1, server.store().newestSeq("1400000000", "alice"), "alice's timeline holds it once");
    assertEquals(1, server.store().readTimeline("1400000000", "bob", 0, 10).size());
  }
}
