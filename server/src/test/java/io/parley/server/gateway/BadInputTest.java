package io.parley.server.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Ping;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.Send;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.RawConnection;
import io.parley.server.support.TestServers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Every inbound byte is untrusted")
class BadInputTest {
  private static final int MAX_FRAME = 64 * 1024;
  private static final int MAX_MESSAGE = Sandbox.APP_LIMITS.maxMessageBytes();

  @TempDir static Path dir;
  static ParleyServer server;

  @BeforeAll
  static void start() throws Exception {
    ServerConfig c = TestServers.config(dir);
    server = ParleyServer.start(c.withLimits(new ServerConfig.Limits(MAX_FRAME, 10_000)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Frame send(RawConnection c, String to, ByteString content) throws Exception {
    return c.request(Frame.newBuilder().setSend(Send.newBuilder()
        .setClientMsgId("m-" + System.nanoTime()).setToUserId(to).setContentType("text").setContent(content)));
  }

  private static void assertStillOpen(RawConnection c) throws Exception {
    Frame pong = c.request(Frame.newBuilder().setPing(Ping.newBuilder().setIntervalMs(1000)));
    assertTrue(pong.hasPong(), "connection still answers a ping");
  }

  @Test
  @DisplayName("a frame announced larger than the limit gets FRAME_TOO_LARGE and the connection closes")
  void frameTooLarge() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      assertTrue(c.login(RawConnection.login("big")).hasLoginResult());
      byte[] header = {(byte) 0x80, (byte) 0x80, (byte) 0x08}; // varint 131072 > 64 KiB
      c.writeRaw(header);
      Frame f = c.read();
      while (!f.hasError()) {
        f = c.read();
      }
      assertEquals(ErrorCodes.FRAME_TOO_LARGE, f.getError().getCode());
      assertTrue(c.closedByServer());
    }
  }

  @Test
  @DisplayName("anything but Login as the first frame gets LOGIN_REQUIRED and the connection closes")
  void loginFirst() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      Frame f = send(c, "bob", ByteString.copyFromUtf8("hi"));
      assertEquals(ErrorCodes.LOGIN_REQUIRED, f.getError().getCode());
      assertTrue(c.closedByServer());
    }
  }

  @Test
  @DisplayName("bytes that are not a protobuf Frame get MALFORMED_FRAME and the connection closes")
  void undecodable() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      c.writeRaw(new byte[] {4, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
      Frame f = c.read();
      assertEquals(ErrorCodes.MALFORMED_FRAME, f.getError().getCode());
      assertFalse(f.getError().getMessage().contains("Exception"), "no exception text on the wire");
      assertTrue(c.closedByServer());
    }
  }

  @Test
  @DisplayName("an unknown protocol version is refused with a message naming the supported one")
  void unknownVersion() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      Frame f = c.login(RawConnection.login("v9").setProtocolVersion(9));
      assertEquals(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, f.getError().getCode());
      assertTrue(f.getError().getMessage().contains("version 1"));
      assertTrue(c.closedByServer());
    }
  }

  @Test
  @DisplayName("an empty message gets EMPTY_MESSAGE and the connection stays open")
  void emptyMessage() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      c.login(RawConnection.login("empty"));
      assertEquals(ErrorCodes.EMPTY_MESSAGE, send(c, "bob", ByteString.EMPTY).getError().getCode());
      assertStillOpen(c);
    }
  }

  @Test
  @DisplayName("a body over the message limit gets MESSAGE_TOO_LARGE and the connection stays open")
  void messageTooLarge() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      c.login(RawConnection.login("large"));
      Frame f = send(c, "bob", ByteString.copyFrom(new byte[MAX_MESSAGE + 1]));
      assertEquals(ErrorCodes.MESSAGE_TOO_LARGE, f.getError().getCode());
      assertTrue(send(c, "bob", ByteString.copyFrom(new byte[MAX_MESSAGE])).hasSendResult(), "exactly the limit is fine");
      assertStillOpen(c);
    }
  }

  @Test
  @DisplayName("an unknown or server-only body gets UNKNOWN_BODY and the connection stays open")
  void unknownBody() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      c.login(RawConnection.login("unknown"));
      // field 99 of Frame: a body this server does not know, as a newer client might send
      Frame f = c.request(Frame.newBuilder().setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder()
          .addField(99, com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build()).build()));
      assertEquals(ErrorCodes.UNKNOWN_BODY, f.getError().getCode());
      Frame g = c.request(Frame.newBuilder().setPush(Push.getDefaultInstance()));
      assertEquals(ErrorCodes.UNKNOWN_BODY, g.getError().getCode());
      assertStillOpen(c);
    }
  }

  @Test
  @DisplayName("a recipient id that is empty or has control characters is refused and the connection stays open")
  void badRecipient() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      c.login(RawConnection.login("recip"));
      assertEquals(ErrorCodes.INVALID_RECIPIENT, send(c, "", ByteString.copyFromUtf8("x")).getError().getCode());
      assertEquals(ErrorCodes.INVALID_RECIPIENT, send(c, "a\u0000b", ByteString.copyFromUtf8("x")).getError().getCode());
      assertStillOpen(c);
    }
  }

  @Test
  @DisplayName("a second Login on a logged-in connection is refused and the connection stays open")
  void secondLogin() throws Exception {
    try (RawConnection c = new RawConnection(server.tcpPort())) {
      c.login(RawConnection.login("twice"));
      assertEquals(ErrorCodes.ALREADY_LOGGED_IN, c.login(RawConnection.login("twice")).getError().getCode());
      assertStillOpen(c);
    }
  }
}
