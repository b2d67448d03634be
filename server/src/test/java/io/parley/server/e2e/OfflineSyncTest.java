package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("An offline recipient catches up")
class OfflineSyncTest {
  @RegisterExtension final ServerExtension running = new ServerExtension();

  private void sendFromAlice(int from, int to) throws Exception {
    try (ParleyClient alice = Clients.tcp(running.server(), "alice", new Recorder()).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      CompletableFuture<?>[] acks = IntStream.range(from, to)
          .mapToObj(i -> alice.send("bob", "text", ("m" + i).getBytes(StandardCharsets.UTF_8)))
          .toArray(CompletableFuture[]::new);
      CompletableFuture.allOf(acks).get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  @DisplayName("a user who logs in later gets every message in order, and a later login resumes after the acked seq")
  void backlogThenResume() throws Exception {
    sendFromAlice(0, 1_500); // more than several backlog pages

    Recorder first = new Recorder();
    long acked;
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", first).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).until(() -> first.count() >= 1_500);
      assertContents(first.messages(), 0, 1_500, 1);
      await().atMost(Duration.ofSeconds(5)).until(() -> running.server().store().cursor("1400000000", "bob", "bob-device") == 1_500);
      acked = bob.lastAckedSeq();
    }
    assertEquals(1_500, acked);

    sendFromAlice(1_500, 1_600);

    Recorder second = new Recorder();
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", second).lastAckedSeq(acked).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(20)).until(() -> second.count() >= 100);
      assertContents(second.messages(), 1_500, 1_600, 1_501);
      await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> second.count() == 100);
    }
  }

  @Test
  @DisplayName("a device whose cursor is ahead of the server's timeline resumes from the newest seq and hears the next message")
  void cursorAheadOfTheTimeline() throws Exception {
    sendFromAlice(0, 3);
    Recorder got = new Recorder();
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", got).lastAckedSeq(1_000).build()) {
      var info = bob.connect().get(10, TimeUnit.SECONDS);
      assertEquals(3, info.resumeAfterSeq(), "the server clamped the cursor to its newest seq");
      await().atMost(Duration.ofSeconds(5)).until(() -> bob.lastAckedSeq() == 3); // the client takes it as its own
      sendFromAlice(3, 4);
      await().atMost(Duration.ofSeconds(10)).until(() -> got.count() >= 1);
      assertContents(got.messages(), 3, 4, 4);
    }
  }

  private static void assertContents(List<ReceivedMessage> got, int from, int to, long firstSeq) {
    assertEquals(to - from, got.size());
    for (int i = 0; i < got.size(); i++) {
      assertEquals("m" + (from + i), new String(got.get(i).content(), StandardCharsets.UTF_8));
      assertEquals(firstSeq + i, got.get(i).seq());
    }
  }
}
