package io.parley.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Platform;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Send;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import io.parley.server.support.Timelines;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Clients that do not read their answers are paced, then dropped, and cannot take the server down")
class SlowConsumerTest {
  private static final int ENTRIES = 400;
  private static final int BODY = 1_000;          // 200 entries a page: about 220 KiB per answer
  private static final int PULLS = 900;           // about 190 MiB of answers if they were all built
  private static final int SLOW_CONSUMER_MS = 2_000;
  /** The write-buffer high-water mark plus a few pages in flight; unpaced, one attacker alone queues far more. */
  private static final long BOUND_PER_CONNECTION = 2L << 20;

  @RegisterExtension static final ServerExtension running = new ServerExtension(c -> c.withLimits(new ServerConfig.Limits(1 << 20, 10_000, SLOW_CONSUMER_MS)));

  @BeforeAll
  static void fill() throws Exception {
    Timelines.fill(running.server().tcpPort(), "filler", "hoarder", ENTRIES, BODY);
  }

  /**
   * A caught-up login that then pipelines full-page pulls from a separate thread and never reads an answer. Each
   * attacker uses its own platform, since a second login on the same platform would replace the first.
   */
  private static RawConnection attacker(String device, Platform platform) throws IOException {
    RawConnection c = new RawConnection(running.server().tcpPort(), 4096);
    Frame result = c.login(RawConnection.login("hoarder").setDeviceId(device).setPlatform(platform)
        .setLastAckedSeq(ENTRIES));
    assertTrue(result.hasLoginResult(), "the attacker logs in: " + result);
    byte[] pulls = pipelinedPulls();
    Thread writer = new Thread(() -> {
      try {
        c.writeRaw(pulls); // blocks once the server stops reading; fails when it closes the connection
      } catch (IOException closed) {
        // expected
      }
    }, "attacker-" + device);
    writer.setDaemon(true);
    writer.start();
    return c;
  }

  private static byte[] pipelinedPulls() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < PULLS; i++) {
      out.writeBytes(RawConnection.encode(Frame.newBuilder().setRequestId(100 + i)
          .setPull(Pull.newBuilder().setAfterSeq(0)).build()));
    }
    return out.toByteArray();
  }

  /** The largest queued output seen while polling for {@code ms}. */
  private static long peakQueuedOutput(long ms) throws InterruptedException {
    long peak = 0;
    long end = System.nanoTime() + ms * 1_000_000;
    while (System.nanoTime() < end) {
      peak = Math.max(peak, running.server().queuedOutputBytes() + running.server().replies().usedBytes());
      Thread.sleep(20);
    }
    return peak;
  }

  @Test
  @DisplayName("one non-reading client's queued output stays bounded; it is then told SLOW_CONSUMER and closed, and its timeline is intact")
  void oneNonReadingClient() throws Exception {
    long kicksBefore = running.server().gatewayCounters().slowConsumerKicks();
    try (RawConnection c = attacker("one", Platform.ANDROID)) {
      long peak = peakQueuedOutput(SLOW_CONSUMER_MS / 2);
      assertTrue(peak < BOUND_PER_CONNECTION, "queued output " + peak + " bytes stays under " + BOUND_PER_CONNECTION);

      await().atMost(Duration.ofSeconds(15)).until(() -> running.server().gatewayCounters().slowConsumerKicks() > kicksBefore);
      c.readTimeout(5_000);
      Frame last = null;
      try {
        while (true) {
          last = c.read();
        }
      } catch (EOFException | java.net.SocketException closed) {
        // the server closed it after its farewell
      }
      assertTrue(last != null && last.hasKick(), "the last frame is a Kick: " + last);
      assertEquals(KickReason.SLOW_CONSUMER, last.getKick().getReason());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> running.server().queuedOutputBytes() == 0);
    assertEquals(ENTRIES, pullAll("hoarder"), "every entry is still there, in order");
  }

  @Test
  @DisplayName("four non-reading clients: a normal client is still served, and the server's memory comes back once they are gone")
  void fourNonReadingClients() throws Exception {
    List<RawConnection> attackers = new ArrayList<>();
    try {
      for (Platform p : List.of(Platform.IOS, Platform.WEB, Platform.WINDOWS, Platform.MAC)) {
        attackers.add(attacker("four-" + p, p));
      }
      long peak = peakQueuedOutput(500);
      assertTrue(peak < 4 * BOUND_PER_CONNECTION, "queued output " + peak + " bytes stays under 4 x " + BOUND_PER_CONNECTION);

      try (RawConnection bob = new RawConnection(running.server().tcpPort()); RawConnection alice = new RawConnection(running.server().tcpPort())) {
        assertTrue(bob.login(RawConnection.login("bob-normal")).hasLoginResult());
        assertTrue(alice.login(RawConnection.login("alice-normal")).hasLoginResult());
        Frame sent = alice.request(Frame.newBuilder().setSend(Send.newBuilder().setClientMsgId("normal-1")
            .setToUserId("bob-normal").setContentType("text").setContent(ByteString.copyFromUtf8("still here?"))));
        assertTrue(sent.hasSendResult(), "the normal send is stored: " + sent);
        Frame push = bob.read();
        assertTrue(push.hasPush() && push.getPush().getEntries(0).getMessage().getClientMsgId().equals("normal-1"),
            "and pushed: " + push);
      }
    } finally {
      for (RawConnection a : attackers) {
        a.close();
      }
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> running.server().queuedOutputBytes() == 0 && running.server().replies().usedBytes() == 0);
  }

  /** Pulls a user's whole timeline on a fresh connection; returns how many entries arrived, checking their order. */
  private static int pullAll(String user) throws IOException {
    try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      c.login(RawConnection.login(user).setDeviceId("checker").setLastAckedSeq(ENTRIES));
      AtomicLong after = new AtomicLong();
      while (true) {
        Frame f = c.request(Frame.newBuilder().setPull(Pull.newBuilder().setAfterSeq(after.get())));
        PullResult page = f.getPullResult();
        for (var e : page.getEntriesList()) {
          assertEquals(after.get() + 1, e.getSeq(), "gap-free");
          after.set(e.getSeq());
        }
        if (!page.getHasMore()) {
          return (int) after.get();
        }
      }
    }
  }
}
