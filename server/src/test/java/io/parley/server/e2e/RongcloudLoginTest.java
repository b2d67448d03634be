package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.v1.Frame;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Rongcloud token logins")
class RongcloudLoginTest {
  static final String APP = Sandbox.RONGCLOUD_APP_KEY;
  static final io.parley.protocol.v1.CredentialKind KIND = io.parley.protocol.v1.CredentialKind.RONGCLOUD_TOKEN;

  @RegisterExtension final ServerExtension running = new ServerExtension();

  String token(String user) throws Exception {
    return running.server().services().issuer()
        .issue(running.server().services().app(APP), user, Duration.ofDays(1), false).credential();
  }

  Frame attempt(String user, String token) throws Exception {
    return RawConnection.attempt(running.server().tcpPort(), RawConnection.login(APP, user, KIND, token));
  }

  @Test
  @DisplayName("a token the server issued logs in through the SDK, and messages flow between Rongcloud users")
  void validTokenLogsIn() throws Exception {
    Recorder bobInbox = new Recorder();
    String aliceToken = token("alice");
    String bobToken = token("bob");
    try (ParleyClient alice = Clients.tcp(running.server(), "alice", new Recorder()).appId(APP)
            .credential(CredentialKind.RONGCLOUD_TOKEN, () -> aliceToken).build();
        ParleyClient bob = Clients.tcp(running.server(), "bob", bobInbox).appId(APP)
            .credential(CredentialKind.RONGCLOUD_TOKEN, () -> bobToken).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);
      bob.connect().get(10, TimeUnit.SECONDS);
      alice.send("bob", "RC:TxtMsg", "{\"content\":\"hi\"}".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> bobInbox.count() == 1);
    }
  }

  @Test
  @DisplayName("the token alone names the user: a Login with an empty user id logs in as the token's user")
  void tokenNamesTheUser() throws Exception {
    Frame f = attempt("", token("carol"));
    assertTrue(f.hasLoginResult(), f.toString());
    assertEquals("carol", f.getLoginResult().getUserId());
  }

  @Test
  @DisplayName("each way of being wrong is refused with its own code and message")
  void refusals() throws Exception {
    String good = token("alice");
    String[] parts = good.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
    payload[payload.length - 1] ^= 1; // the user id's last byte: "alicf"
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
    String otherApp = RongcloudToken.issue("another-app", "alice", System.currentTimeMillis(),
        RongcloudToken.signingKey(Sandbox.RONGCLOUD_APP_SECRET));
    String otherSecret = RongcloudToken.issue(APP, "alice", System.currentTimeMillis(),
        RongcloudToken.signingKey("not-the-app-secret"));

    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "for user \"alice\", not for \"bob\"", attempt("bob", good));
    assertRefused(ErrorCodes.RONGCLOUD_APP_KEY_REJECTED, "another-app", attempt("alice", otherApp));
    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "signature", attempt("alice", otherSecret));
    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "signature", attempt("", tampered));
    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "", attempt("alice", good.substring(0, good.length() / 2)));
    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "missing", attempt("alice", ""));
    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "", attempt("alice", "not a token at all"));
    assertRefused(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED, "RONGCLOUD_TOKEN", RawConnection.attempt(
        running.server().tcpPort(), RawConnection.login(Sandbox.NETEASE_APP_KEY, "alice", KIND, good)));
  }

  @Test
  @DisplayName("expiring a user's tokens kicks the live session (CREDENTIAL_REVOKED) and refuses the old token (31020), not a new one")
  void expiredTokens() throws Exception {
    Recorder rec = new Recorder();
    String old = token("alice");
    try (ParleyClient alice = Clients.tcp(running.server(), "alice", rec).appId(APP)
        .credential(CredentialKind.RONGCLOUD_TOKEN, () -> old).build()) {
      alice.connect().get(10, TimeUnit.SECONDS);

      running.server().services().accounts().expireRongcloudTokens(
          running.server().services().app(APP), "alice", System.currentTimeMillis());

      await().atMost(Duration.ofSeconds(5)).until(() -> rec.kicks.contains(KickReason.CREDENTIAL_REVOKED));
      await().atMost(Duration.ofSeconds(5)).until(() -> !alice.isConnected());
    }
    assertRefused(ErrorCodes.RONGCLOUD_TOKEN_EXPIRED, "before the app expired", attempt("alice", old));
    Thread.sleep(2); // a token issued in the very millisecond of the expiry is still "before" it
    assertTrue(attempt("alice", token("alice")).hasLoginResult(), "a token issued afterwards works");
    assertTrue(attempt("bob", token("bob")).hasLoginResult(), "other users are not affected");
  }

  static void assertRefused(int code, String messagePart, Frame f) {
    assertTrue(f.hasError(), f.toString());
    assertEquals(code, f.getError().getCode(), f.getError().getMessage());
    assertTrue(f.getError().getMessage().contains(messagePart), f.getError().getMessage());
  }
}
