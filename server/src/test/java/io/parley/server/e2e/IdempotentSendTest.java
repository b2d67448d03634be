package io.parley.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.ParleyClient;
import io.parley.client.SendReceipt;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Sends are idempotent")
class IdempotentSendTest {
  @RegisterExtension final ServerExtension running = new ServerExtension();

  @Test
  @DisplayName("a retry with the same client message id returns the first id and seq and stores nothing new")
  void retryReturnsOriginal() throws Exception {
    try (ParleyClient alice = Clients.tcp(running.server(), "alice", new Recorder()).build()) {
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
    try (ParleyClient alice = Clients.tcp(running.server(), "alice", new Recorder()).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      SendReceipt later = alice.send("cmid-1", "bob", "text", "hello".getBytes()).get(10, TimeUnit.SECONDS);
      assertTrue(later.duplicate());
      assertEquals(1, later.seq());
    }
    assertEquals(1, running.server().store().newestSeq("1400000000", "bob"), "bob's timeline holds it once");
    assertEquals(1, running.server().store().newestSeq("1400000000", "alice"), "alice's timeline holds it once");
    assertEquals(1, running.server().store().readTimeline("1400000000", "bob", 0, 10).size());
  }
}
