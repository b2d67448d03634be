package io.parley.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.Send;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

@DisplayName("Floods of bad frames cannot flood the log")
class LogFloodTest {
  private static final int BAD_FRAMES = 20_000;
  private static final int FUZZ_FRAMES = 20_000;
  /** The refusal log's rate, plus its once-a-second "were not logged" line, plus a little slack. */
  private static final int LINES_PER_SECOND = 25;

  @RegisterExtension static final ServerExtension running = new ServerExtension();

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger refusals = (Logger) LoggerFactory.getLogger("parley.refusals");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level refusalsLevel;

  @BeforeEach
  void capture() {
    refusalsLevel = refusals.getLevel();
    refusals.setLevel(Level.INFO); // as in production: the test config quiets refusals
    lines.start();
    root.addAppender(lines);
  }

  @AfterEach
  void release() {
    root.detachAppender(lines);
    refusals.setLevel(refusalsLevel);
  }

  private List<ILoggingEvent> logged() {
    synchronized (lines) {
      return List.copyOf(lines.list);
    }
  }

  @Test
  @DisplayName("20,000 refused requests on one connection log a few lines a second and no stack trace, and the connection keeps working")
  void refusedRequests() throws Exception {
    long start = System.nanoTime();
    try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      assertTrue(c.login(RawConnection.login("flooder")).hasLoginResult());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < BAD_FRAMES; i++) {
        Frame bad = switch (i % 4) {
          case 0 -> Frame.newBuilder().setRequestId(i + 10).setSend(Send.newBuilder().setToUserId("bob")
              .setContent(ByteString.copyFromUtf8("no client_msg_id"))).build();
          case 1 -> Frame.newBuilder().setPull(Pull.newBuilder().setAfterSeq(-1).setLimit(-1)).build(); // no request id
          case 2 -> Frame.newBuilder().setRequestId(i + 10).setPull(Pull.newBuilder().setAfterSeq(Long.MIN_VALUE)
              .setLimit(Integer.MIN_VALUE)).build(); // huge but valid: answered
          default -> Frame.newBuilder().setRequestId(i + 10).setPush(io.parley.protocol.v1.Push.getDefaultInstance()).build();
        };
        out.writeBytes(RawConnection.encode(bad));
      }
      Thread reader = drain(c, BAD_FRAMES);
      c.writeRaw(out.toByteArray());
      reader.join(30_000);
      assertTrue(c.request(Frame.newBuilder().setPing(io.parley.protocol.v1.Ping.newBuilder().setIntervalMs(1000))).hasPong());
    }
    assertBounded(start);
  }

  @Test
  @DisplayName("20,000 mutated frames over many connections log a few lines a second and no stack trace, and the server still serves")
  void fuzzedFrames() throws Exception {
    Random random = new Random(42);
    byte[] send = RawConnection.encode(Frame.newBuilder().setRequestId(7).setSend(Send.newBuilder()
        .setClientMsgId("fuzz").setToUserId("bob").setContentType("text")
        .setContent(ByteString.copyFromUtf8("hello fuzz"))).build());
    byte[] pull = RawConnection.encode(Frame.newBuilder().setRequestId(8).setPull(Pull.newBuilder().setAfterSeq(1).setLimit(5)).build());
    long start = System.nanoTime();
    int sent = 0;
    while (sent < FUZZ_FRAMES) {
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        c.login(RawConnection.login("fuzzer"));
        Thread reader = drain(c, Integer.MAX_VALUE);
        try {
          for (int i = 0; i < 200 && sent < FUZZ_FRAMES; i++, sent++) {
            byte[] frame = (random.nextBoolean() ? send : pull).clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
              frame[1 + random.nextInt(frame.length - 1)] ^= (byte) (1 << random.nextInt(8)); // keep the length byte
            }
            c.writeRaw(frame);
          }
        } catch (IOException closedByServer) {
          // a mutation the server could not parse closes the connection: expected
        }
        reader.interrupt();
      }
    }
    try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      assertTrue(c.login(RawConnection.login("after-fuzz")).hasLoginResult(), "the server still logs users in");
    }
    assertBounded(start);
  }

  /** Reads and drops frames on a thread of its own until {@code count} arrived or the connection ends. */
  private static Thread drain(RawConnection c, int count) {
    Thread t = new Thread(() -> {
      try {
        for (int i = 0; i < count && !Thread.currentThread().isInterrupted(); i++) {
          c.read();
        }
      } catch (IOException ended) {
        // closed
      }
    }, "drain");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void assertBounded(long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    List<ILoggingEvent> events = logged();
    long max = Math.round((Math.ceil(seconds) + 2) * LINES_PER_SECOND);
    assertTrue(events.size() <= max, events.size() + " lines in " + seconds + " s, more than " + max);
    for (ILoggingEvent e : events) {
      assertEquals(null, e.getThrowableProxy(), "no stack trace: " + e.getFormattedMessage());
    }
  }
}
