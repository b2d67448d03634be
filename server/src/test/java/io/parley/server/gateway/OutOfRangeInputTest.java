package io.parley.server.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Ack;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Ping;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Send;
import io.parley.server.config.Sandbox;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import io.parley.server.support.Timelines;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Values at and past the edges of their wire types get a clear answer, never a retry loop or a silent close")
class OutOfRangeInputTest {
  private static final int LONG_TIMELINE = 250; // more than one page (200)

  @RegisterExtension static final ServerExtension running = new ServerExtension();

  @BeforeAll
  static void fill() throws Exception {
    Timelines.fill(running.server().tcpPort(), "writer", "long", LONG_TIMELINE, 10);
    Timelines.fill(running.server().tcpPort(), "writer", "short", 3, 10);
  }

  private static RawConnection loggedIn(String user, long lastAcked) throws Exception {
    RawConnection c = new RawConnection(running.server().tcpPort());
    Frame f = c.login(RawConnection.login(user).setLastAckedSeq(lastAcked));
    assertTrue(f.hasLoginResult(), "logged in: " + f);
    return c;
  }

  private static Frame pull(RawConnection c, long afterSeq, int limit) throws Exception {
    return c.request(Frame.newBuilder().setPull(Pull.newBuilder().setAfterSeq(afterSeq).setLimit(limit)));
  }

  private static Frame send(RawConnection c, String to, String id) throws Exception {
    return c.request(Frame.newBuilder().setSend(Send.newBuilder().setClientMsgId(id).setToUserId(to)
        .setContentType("text").setContent(ByteString.copyFromUtf8("x"))));
  }

  private static void assertStillOpen(RawConnection c) throws Exception {
    assertTrue(c.request(Frame.newBuilder().setPing(Ping.newBuilder().setIntervalMs(1000))).hasPong());
  }

  @Nested
  @DisplayName("Pull")
  class Pulls {
    @ParameterizedTest(name = "after_seq {0} (unsigned) is an empty page with the newest seq")
    @ValueSource(longs = {Long.MIN_VALUE, -1L, Long.MAX_VALUE, 3L, 4L})
    void afterSeqPastTheEnd(long afterSeq) throws Exception {
      try (RawConnection c = loggedIn("short", 3)) {
        Frame f = pull(c, afterSeq, 0);
        assertTrue(f.hasPullResult(), "answered with a page: " + f);
        PullResult page = f.getPullResult();
        assertEquals(0, page.getEntriesCount());
        assertFalse(page.getHasMore());
        assertEquals(3, page.getNewestSeq());
      }
    }

    @ParameterizedTest(name = "limit {0} (unsigned) is capped to one page of 200")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, Integer.MAX_VALUE, 201, 0})
    void hugeLimitIsCapped(int limit) throws Exception {
      try (RawConnection c = loggedIn("long", LONG_TIMELINE)) {
        PullResult page = pull(c, 0, limit).getPullResult();
        assertEquals(GatewayContext.PAGE, page.getEntriesCount());
        assertTrue(page.getHasMore());
        assertEquals(1, page.getEntries(0).getSeq());
      }
    }

    @Test
    @DisplayName("a small limit is honoured")
    void smallLimit() throws Exception {
      try (RawConnection c = loggedIn("long", LONG_TIMELINE)) {
        PullResult page = pull(c, 10, 5).getPullResult();
        assertEquals(5, page.getEntriesCount());
        assertEquals(11, page.getEntries(0).getSeq());
      }
    }

    @Test
    @DisplayName("a Pull without a request id is refused with BAD_REQUEST and the connection stays open")
    void pullWithoutRequestId() throws Exception {
      try (RawConnection c = loggedIn("short", 3)) {
        c.send(Frame.newBuilder().setPull(Pull.getDefaultInstance()).build());
        Frame f = c.read();
        assertEquals(ErrorCodes.BAD_REQUEST, f.getError().getCode());
        assertTrue(f.getError().getMessage().contains("request_id"));
        assertStillOpen(c);
      }
    }
  }

  @Nested
  @DisplayName("Login cursor")
  class LoginCursor {
    @ParameterizedTest(name = "last_acked_seq {0} (unsigned) ahead of the newest seq is clamped to it, and the next message is pushed")
    @ValueSource(longs = {Long.MIN_VALUE, -1L, 1000L})
    void cursorAheadIsClamped(long lastAcked) throws Exception {
      String user = "ahead" + Long.toUnsignedString(lastAcked);
      Timelines.fill(running.server().tcpPort(), "writer", user, 3, 10);
      try (RawConnection c = loggedIn(user, lastAcked); RawConnection w = loggedIn("writer2", 0)) {
        assertTrue(send(w, user, "after-clamp-" + lastAcked).hasSendResult());
        Frame push = c.read();
        assertTrue(push.hasPush(), "the next message is pushed, not held back until the old cursor: " + push);
        assertEquals(4, push.getPush().getEntries(0).getSeq());
      }
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        LoginResult r = c.login(RawConnection.login(user).setDeviceId("second").setLastAckedSeq(lastAcked)).getLoginResult();
        assertTrue(r.hasResumeAfterSeq());
        assertEquals(4, r.getResumeAfterSeq(), "resume_after_seq says where delivery resumes");
        assertEquals(4, r.getNewestSeq());
      }
    }

    @Test
    @DisplayName("a cursor within the timeline is kept as it is and reported back")
    void cursorWithinIsKept() throws Exception {
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        LoginResult r = c.login(RawConnection.login("long").setDeviceId("within").setLastAckedSeq(7)).getLoginResult();
        assertEquals(7, r.getResumeAfterSeq());
        assertEquals(8, c.read().getPush().getEntries(0).getSeq(), "the backlog resumes after it");
      }
    }
  }

  @Nested
  @DisplayName("Ack, Ping, Send and Login fields")
  class OtherFields {
    @ParameterizedTest(name = "Ack {0} (unsigned) past the newest seq is stored as the newest seq")
    @ValueSource(longs = {Long.MIN_VALUE, -1L, 1_000_000L})
    void ackPastTheEnd(long seq) throws Exception {
      String device = "acker" + Long.toUnsignedString(seq);
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        c.login(RawConnection.login("short").setDeviceId(device).setLastAckedSeq(1));
        c.send(Frame.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
        assertStillOpen(c);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> running.server().store().cursor(Sandbox.TENCENT_APP_ID, "short", device) == 3);
    }

    @ParameterizedTest(name = "Ping interval {0} ms (unsigned) is answered")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE})
    void pingInterval(int interval) throws Exception {
      try (RawConnection c = loggedIn("pinger", 0)) {
        assertTrue(c.request(Frame.newBuilder().setPing(Ping.newBuilder().setIntervalMs(interval))).hasPong());
      }
    }

    @Test
    @DisplayName("identifiers of exactly 128 characters are accepted, 129 refused with BAD_REQUEST")
    void identifierLimits() throws Exception {
      String max = "u".repeat(128);
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      assertTrue(c.login(RawConnection.login(max).setDeviceId("d")).hasLoginResult());
        assertTrue(send(c, "bob", "m".repeat(128)).hasSendResult());
        assertEquals(ErrorCodes.BAD_REQUEST, send(c, "bob", "m".repeat(129)).getError().getCode());
        assertEquals(ErrorCodes.INVALID_RECIPIENT, send(c, "b".repeat(129), "ok-id").getError().getCode());
        assertStillOpen(c);
      }
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        assertEquals(ErrorCodes.BAD_REQUEST, c.login(RawConnection.login("u".repeat(129)).setDeviceId("d")).getError().getCode());
      }
    }

    @Test
    @DisplayName("a content type over 64 characters is refused with BAD_REQUEST")
    void contentTypeLimit() throws Exception {
      try (RawConnection c = loggedIn("typer", 0)) {
        Frame f = c.request(Frame.newBuilder().setSend(Send.newBuilder().setClientMsgId("t1").setToUserId("bob")
            .setContentType("t".repeat(65)).setContent(ByteString.copyFromUtf8("x"))));
        assertEquals(ErrorCodes.BAD_REQUEST, f.getError().getCode());
        assertStillOpen(c);
      }
    }

    @Test
    @DisplayName("a Send without a request id is refused with BAD_REQUEST and nothing is stored")
    void sendWithoutRequestId() throws Exception {
      try (RawConnection c = loggedIn("noid", 0)) {
        c.send(Frame.newBuilder().setSend(Send.newBuilder().setClientMsgId("noid-1").setToUserId("noid-peer")
            .setContentType("text").setContent(ByteString.copyFromUtf8("x"))).build());
        assertEquals(ErrorCodes.BAD_REQUEST, c.read().getError().getCode());
        assertStillOpen(c);
      }
      assertEquals(0, running.server().store().newestSeq(Sandbox.TENCENT_APP_ID, "noid-peer"));
    }

    @Test
    @DisplayName("a platform this server does not know logs in as unspecified")
    void unknownPlatform() throws Exception {
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        assertTrue(c.login(RawConnection.login("newer-client").setPlatformValue(99)).hasLoginResult());
        assertStillOpen(c);
      }
    }

    @Test
    @DisplayName("a credential kind this server does not know is refused with CREDENTIAL_KIND_NOT_ACCEPTED")
    void unknownCredentialKind() throws Exception {
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        Frame f = c.login(RawConnection.login("odd-kind").setCredentialKindValue(77));
        assertEquals(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED, f.getError().getCode());
        assertTrue(c.closedByServer());
      }
    }

    @Test
    @DisplayName("requests pipelined right behind the Login are answered after the LoginResult, in order")
    void pipelinedBehindLogin() throws Exception {
      try (RawConnection c = new RawConnection(running.server().tcpPort())) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(RawConnection.encode(Frame.newBuilder().setRequestId(1).setLogin(RawConnection.login("eager")).build()));
        out.writeBytes(RawConnection.encode(Frame.newBuilder().setRequestId(2).setPing(Ping.newBuilder().setIntervalMs(1000)).build()));
        c.writeRaw(out.toByteArray());
        assertTrue(c.read().hasLoginResult());
        Frame pong = c.read();
        assertEquals(2, pong.getRequestId());
        assertTrue(pong.hasPong());
      }
    }
  }
}
