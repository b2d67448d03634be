package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.CredentialKind;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.LoginResult;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("LoginHandshake")
class LoginHandshakeTest {
  private static final ClientConfig CONFIG = new ClientConfig(
      Transport.tcp("127.0.0.1", 9100), "app-1", "alice", CredentialKind.RONGCLOUD_TOKEN, () -> "unused",
      "laptop-1", Platform.MAC, 0, new ParleyListener() {}, Duration.ofMillis(1), Duration.ofMillis(2), 0, null, null);

  @Test
  @DisplayName("login: the identity, the credential and the resume point, under the request id")
  void login() {
    Frame frame = new LoginHandshake(CONFIG).login(7, "token-1", 41);
    assertEquals(7, frame.getRequestId());
    Login login = frame.getLogin();
    assertEquals(ProtocolVersion.CURRENT, login.getProtocolVersion());
    assertEquals("app-1", login.getAppId());
    assertEquals("alice", login.getUserId());
    assertEquals(io.parley.protocol.v1.CredentialKind.RONGCLOUD_TOKEN, login.getCredentialKind());
    assertEquals("token-1", login.getCredential());
    assertEquals("laptop-1", login.getDeviceId());
    assertEquals(io.parley.protocol.v1.Platform.MAC, login.getPlatform());
    assertEquals(41, login.getLastAckedSeq());
  }

  @Test
  @DisplayName("read: every announced value")
  void read() {
    LoginResult result = LoginResult.newBuilder().setSessionId(3).setServerTimeMs(4).setHeartbeatMinMs(10_000)
        .setHeartbeatMaxMs(60_000).setNewestSeq(50).setMaxMessageBytes(1024).setCredentialExpiresAtMs(99)
        .setResumeAfterSeq(40).build();
    assertEquals(new LoginInfo(3, 4, 10_000, 60_000, 50, 1024, 99, 40), LoginHandshake.read(result, 45));
  }

  @ParameterizedTest(name = "read_heartbeatBounds: announced [{0}, {1}] -> [{2}, {3}]")
  @CsvSource({
      "0, 0, 30000, 300000",
      "10000, 0, 10000, 300000",
      "0, 60000, 30000, 60000",
      "0, 20000, 30000, 30000",
      "500000, 0, 500000, 500000",
  })
  @DisplayName("read_heartbeatBounds: missing bounds fall back to 30 s and 300 s, and max is never below min")
  void read_heartbeatBounds(int announcedMin, int announcedMax, int min, int max) {
    LoginInfo info = LoginHandshake.read(
        LoginResult.newBuilder().setHeartbeatMinMs(announcedMin).setHeartbeatMaxMs(announcedMax).build(), 0);
    assertEquals(min, info.heartbeatMinMs());
    assertEquals(max, info.heartbeatMaxMs());
  }

  @Test
  @DisplayName("read_noResumePoint: delivery resumes after the client's own cursor")
  void read_noResumePoint() {
    assertEquals(45, LoginHandshake.read(LoginResult.getDefaultInstance(), 45).resumeAfterSeq());
  }

  @Test
  @DisplayName("read_resumeZero: an explicit resume point of 0 is kept, not taken as missing")
  void read_resumeZero() {
    assertEquals(0, LoginHandshake.read(LoginResult.newBuilder().setResumeAfterSeq(0).build(), 45).resumeAfterSeq());
  }
}
