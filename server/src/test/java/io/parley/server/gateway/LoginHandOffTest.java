package io.parley.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Send;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A message committed while its recipient logs in is pushed at once")
class LoginHandOffTest {
  private static final int TRIES = 300;
  /** Far longer than a push takes; a message left waiting for a later one would never arrive in it. */
  private static final int PUSH_BOUND_MS = 5_000;

  @RegisterExtension static final ServerExtension running = new ServerExtension();

  @Test
  @DisplayName("300 caught-up recipients each log in while a message to them commits 0-3 ms later: every one is pushed, with no later message to release it")
  void messageRacingLoginIsPushed() throws Exception {
    try (RawConnection sender = new RawConnection(running.server().tcpPort())) {
      assertTrue(sender.login(RawConnection.login("racer")).hasLoginResult());
      for (int i = 0; i < TRIES; i++) {
        String recipient = "caught-up-" + i;
        try (RawConnection r = new RawConnection(running.server().tcpPort())) {
          r.send(Frame.newBuilder().setRequestId(1).setLogin(RawConnection.login(recipient)).build());
          LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(3_000_000));
          String id = "race-" + i;
          sender.send(Frame.newBuilder().setRequestId(10 + i).setSend(Send.newBuilder().setClientMsgId(id)
              .setToUserId(recipient).setContentType("text").setContent(ByteString.copyFromUtf8("hi"))).build());
          r.readTimeout(PUSH_BOUND_MS);
          assertEquals(id, pushedMessageId(r, i), "try " + i);
        }
      }
    }
  }

  /** Reads past the LoginResult to the first pushed entry, failing when none comes within the bound. */
  private static String pushedMessageId(RawConnection r, int i) throws Exception {
    try {
      while (true) {
        Frame f = r.read();
        if (f.hasLoginResult()) {
          continue;
        }
        assertTrue(f.hasPush(), "try " + i + ": expected a push, got " + f);
        if (f.getPush().getEntriesCount() > 0) {
          return f.getPush().getEntries(0).getMessage().getClientMsgId();
        }
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("try " + i + ": the message was stored but not pushed within " + PUSH_BOUND_MS + " ms");
    }
  }
}
