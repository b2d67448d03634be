package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Two users exchange messages")
class C2cExchangeTest {
  private static final int N = 1_000;

  @RegisterExtension final ServerExtension running = new ServerExtension();

  @Test
  @DisplayName("1,000 messages each way over TCP all arrive, in order, once")
  void overTcp() throws Exception {
    exchange((user, rec) -> Clients.tcp(running.server(), user, rec).build());
  }

  @Test
  @DisplayName("1,000 messages each way over WebSocket all arrive, in order, once")
  void overWebSocket() throws Exception {
    exchange((user, rec) -> Clients.ws(running.server(), user, rec).build());
  }

  private void exchange(BiFunction<String, Recorder, ParleyClient> connect) throws Exception {
    Recorder aliceInbox = new Recorder();
    Recorder bobInbox = new Recorder();
    try (ParleyClient alice = connect.apply("alice", aliceInbox); ParleyClient bob = connect.apply("bob", bobInbox)) {
      alice.connect().get(10, TimeUnit.SECONDS);
      bob.connect().get(10, TimeUnit.SECONDS);

      List<CompletableFuture<SendReceipt>> receipts = new ArrayList<>();
      for (int i = 0; i < N; i++) {
        receipts.add(alice.send("bob", "text", ("a" + i).getBytes(StandardCharsets.UTF_8)));
        receipts.add(bob.send("alice", "text", ("b" + i).getBytes(StandardCharsets.UTF_8)));
        if (receipts.size() >= 200) { // keep a bounded window in flight
          CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
          receipts.clear();
        }
      }
      CompletableFuture.allOf(receipts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

      // Each user's timeline holds the other's N messages and its own N: 2N entries.
      await().atMost(Duration.ofSeconds(30)).until(() -> aliceInbox.count() >= 2 * N && bobInbox.count() >= 2 * N);
      assertInOrderOnce(bobInbox, "alice", "a");
      assertInOrderOnce(aliceInbox, "bob", "b");
      assertInOrderOnce(aliceInbox, "alice", "a");
      assertGapFree(aliceInbox.messages());
      assertGapFree(bobInbox.messages());
    }
  }

  static void assertInOrderOnce(Recorder inbox, String from, String prefix) {
    List<ReceivedMessage> got = inbox.from(from);
    assertEquals(N, got.size(), "messages from " + from);
    for (int i = 0; i < N; i++) {
      assertEquals(prefix + i, new String(got.get(i).content(), StandardCharsets.UTF_8), "message " + i + " from " + from);
    }
  }

  static void assertGapFree(List<ReceivedMessage> timeline) {
    for (int i = 0; i < timeline.size(); i++) {
      assertEquals(i + 1, timeline.get(i).seq(), "timeline seq at position " + i);
    }
  }
}
