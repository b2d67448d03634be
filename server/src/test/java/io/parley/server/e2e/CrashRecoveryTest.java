package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.ParleyClient;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Durable before acknowledged")
class CrashRecoveryTest {
  private static final int ROUNDS = 3;

  @TempDir Path dir;

  @Test
  @DisplayName("after kill -9 mid-stream, every acknowledged message is stored and timelines are gap-free")
  void killNineLosesNothingAcked() throws Exception {
    Path data = dir.resolve("data");
    Map<String, SendReceipt> acked = new ConcurrentHashMap<>();
    int sent = 0;
    for (int round = 0; round < ROUNDS; round++) {
      ServerProcess server = ServerProcess.start(data);
      try {
        verify(server.tcpPort(), acked);
        ServerProcess s = server;
        ParleyClient alice = ParleyClient.builder()
            .appId("1400000000").userId("alice")
            .credential(io.parley.client.CredentialKind.TENCENT_USERSIG,
                () -> io.parley.server.support.TestServers.userSig("alice"))
            .deviceId("alice-device").tcp("127.0.0.1", s.tcpPort()).listener(new Recorder()).build();
        alice.connect().get(20, TimeUnit.SECONDS);
        Semaphore inFlight = new Semaphore(64);
        int ackedBefore = acked.size();
        // Send until well past the kill point; kill while sends are still in flight.
        for (int i = 0; i < 5_000 && acked.size() < ackedBefore + 400; i++, sent++) {
          inFlight.acquire();
          String id = "r" + round + "-" + i;
          alice.send(id, "bob", "text", id.getBytes(StandardCharsets.UTF_8)).whenComplete((r, e) -> {
            if (e == null) {
              acked.put(id, r);
            }
            inFlight.release();
          });
        }
        server.kill9();
        alice.close();
      } finally {
        server.close();
      }
    }
    ServerProcess last = ServerProcess.start(data);
    try {
      verify(last.tcpPort(), acked);
    } finally {
      last.close();
    }
    assertTrue(acked.size() >= ROUNDS * 400, "acked " + acked.size() + " of " + sent + " attempts");
  }

  /** Bob's timeline holds every acked message, once, at seqs 1..N without a gap. */
  private static void verify(int port, Map<String, SendReceipt> acked) throws Exception {
    List<TimelineEntry> bob = readAll(port, "bob");
    Map<String, Long> bobSeqByClientId = new HashMap<>();
    for (int i = 0; i < bob.size(); i++) {
      TimelineEntry e = bob.get(i);
      assertEquals(i + 1, e.getSeq(), "bob's timeline is gap-free");
      Long dup = bobSeqByClientId.put(e.getMessage().getClientMsgId(), e.getSeq());
      assertEquals(null, dup, "stored once: " + e.getMessage().getClientMsgId());
    }
    for (var a : acked.entrySet()) {
      assertTrue(bobSeqByClientId.containsKey(a.getKey()), "acked message " + a.getKey() + " survived");
    }
    List<TimelineEntry> alice = readAll(port, "alice");
    for (int i = 0; i < alice.size(); i++) {
      assertEquals(i + 1, alice.get(i).getSeq(), "alice's timeline is gap-free");
      SendReceipt r = acked.get(alice.get(i).getMessage().getClientMsgId());
      if (r != null) {
        assertEquals(r.seq(), alice.get(i).getSeq(), "the acked seq is the stored seq");
        assertEquals(r.serverMsgId(), alice.get(i).getMessage().getServerMsgId());
      }
    }
  }

  private static List<TimelineEntry> readAll(int port, String user) throws Exception {
    List<TimelineEntry> all = new ArrayList<>();
    try (RawConnection c = new RawConnection(port)) {
      assertTrue(c.login(RawConnection.login(user).setDeviceId("verifier").setLastAckedSeq(Long.MAX_VALUE / 2))
          .hasLoginResult());
      long after = 0;
      while (true) {
        Frame f = c.request(Frame.newBuilder().setPull(Pull.newBuilder().setAfterSeq(after).setLimit(200)));
        PullResult page = f.getPullResult();
        all.addAll(page.getEntriesList());
        if (!page.getHasMore()) {
          return all;
        }
        after = page.getEntries(page.getEntriesCount() - 1).getSeq();
      }
    }
  }
}
