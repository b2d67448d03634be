package io.parley.server.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Platform;
import io.parley.protocol.v1.Pull;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import io.parley.server.support.Timelines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Logins do not wait behind other connections' reads")
class LoginLaneTest {
  private static final int PULLS = 6_000;
  private static final int READERS = 3;
  /** A login takes milliseconds; behind a shared FIFO of 18,000 page reads it took seconds. */
  private static final long LOGIN_BOUND_MS = 1_000;

  @RegisterExtension static final ServerExtension running = new ServerExtension();

  @BeforeAll
  static void fill() throws Exception {
    Timelines.fill(running.server().tcpPort(), "writer", "reader", 400, 200);
  }

  @Test
  @DisplayName("while three clients pipeline 6,000 full-page pulls each (reading every answer), other users log in within a second")
  void loginsBesidePipelinedPulls() throws Exception {
    List<RawConnection> readers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    AtomicInteger answered = new AtomicInteger();
    Platform[] platforms = {Platform.ANDROID, Platform.IOS, Platform.WEB};
    try {
      for (int r = 0; r < READERS; r++) {
        RawConnection c = new RawConnection(running.server().tcpPort());
        assertTrue(c.login(RawConnection.login("reader").setDeviceId("pipeliner-" + r).setPlatform(platforms[r])
            .setLastAckedSeq(400)).hasLoginResult());
        readers.add(c);
        threads.add(daemon(() -> {
          for (int i = 0; i < PULLS; i++) {
            c.read();
            answered.incrementAndGet();
          }
        }));
        ByteArrayOutputStream pulls = new ByteArrayOutputStream();
        for (int i = 0; i < PULLS; i++) {
          pulls.writeBytes(RawConnection.encode(Frame.newBuilder().setRequestId(100 + i).setPull(Pull.getDefaultInstance()).build()));
        }
        threads.add(daemon(() -> c.writeRaw(pulls.toByteArray())));
      }
      while (answered.get() < 300) {
        Thread.sleep(5); // the pipelines are flowing
      }
      for (int i = 0; i < 10; i++) {
        long t0 = System.nanoTime();
        try (RawConnection c = new RawConnection(running.server().tcpPort())) {
          assertTrue(c.login(RawConnection.login("bystander-" + i)).hasLoginResult());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < LOGIN_BOUND_MS, "login " + i + " took " + ms + " ms with " + answered.get()
            + " of " + READERS * PULLS + " pulls answered");
      }
    } finally {
      for (RawConnection c : readers) {
        c.close();
      }
    }
  }

  private interface Io {
    void run() throws IOException;
  }

  private static Thread daemon(Io body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (IOException closed) {
        // the test closed the connection
      }
    }, "pipeline");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
