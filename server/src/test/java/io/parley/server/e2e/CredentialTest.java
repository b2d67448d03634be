package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.v1.Frame;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import io.parley.server.support.TestServers;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Tencent UserSig logins")
class CredentialTest {
  @RegisterExtension final ServerExtension running = new ServerExtension();

  private int refusal(String user, String credential) throws Exception {
    return refusal(RawConnection.login(user).setCredential(credential));
  }

  private int refusal(io.parley.protocol.v1.Login.Builder login) throws Exception {
    try (RawConnection c = new RawConnection(running.server().tcpPort())) {
      Frame f = c.login(login);
      assertTrue(f.hasError(), "refused: " + f);
      assertTrue(c.closedByServer(), "a refused login closes the connection");
      return f.getError().getCode();
    }
  }

  private static String sig(long app, String key, String user, long expire, long time) {
    return UserSig.generate(app, key, user, expire, null, time);
  }

  @Test
  @DisplayName("each way of being wrong is refused with the vendor's own code")
  void refusalCodes() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    long app = Sandbox.TENCENT_SDK_APP_ID;
    String key = Sandbox.TENCENT_KEY;
    assertEquals(ErrorCodes.TENCENT_USERSIG_EXPIRED, refusal("bob", sig(app, key, "bob", 60, now - 3600)));
    assertEquals(ErrorCodes.TENCENT_USERSIG_INVALID, refusal("bob", "not-a-usersig"));
    assertEquals(ErrorCodes.TENCENT_USERSIG_INVALID, refusal("bob", ""));
    assertEquals(ErrorCodes.TENCENT_SIGNATURE_MISMATCH, refusal("bob", sig(app, "another-key", "bob", 600, now)));
    assertEquals(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, refusal("bob", sig(app, key, "mallory", 600, now)));
    assertEquals(ErrorCodes.TENCENT_SDKAPPID_MISMATCH, refusal("bob", sig(1400000001L, key, "bob", 600, now)));
    assertEquals(ErrorCodes.UNKNOWN_APP, refusal(RawConnection.login("bob").setAppId("1499999999")));
    String good = sig(app, key, "bob", 600, now);
    String truncated = good.substring(0, good.length() / 2);
    assertEquals(ErrorCodes.TENCENT_USERSIG_INVALID, refusal("bob", truncated));
  }

  @Test
  @DisplayName("a UserSig made by Tencent's official signer (tls-sig-api-v2 2.0) logs in through the SDK")
  void officialSignerLogsIn() throws Exception {
    String official = new com.tencentyun.TLSSigAPIv2(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY).genUserSig("carol", 600);
    Recorder rec = new Recorder();
    try (ParleyClient carol = Clients.tcp(running.server(), "carol", rec)
        .credential(CredentialKind.TENCENT_USERSIG, () -> official).build()) {
      assertTrue(carol.connect().get(10, TimeUnit.SECONDS).credentialExpiresAtMs() > System.currentTimeMillis());
      assertEquals(java.util.List.of(), rec.loginFailures);
    }
  }

  @Test
  @DisplayName("the SDK reports a refused login and does not retry it")
  void sdkReportsRefusal() throws Exception {
    Recorder rec = new Recorder();
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", rec)
        .credential(CredentialKind.TENCENT_USERSIG, () -> "garbage").build()) {
      ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> bob.connect().get(10, TimeUnit.SECONDS));
      await().atMost(Duration.ofSeconds(5)).until(() -> rec.loginFailures.contains(ErrorCodes.TENCENT_USERSIG_INVALID));
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> rec.loginFailures.size() == 1);
      assertTrue(e.getCause() != null);
    }
  }

  @Test
  @DisplayName("a UserSig that expires during the session gets the session kicked and the SDK says the credential expired")
  void expiryDuringSession() throws Exception {
    Recorder rec = new Recorder();
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", rec)
        .credential(CredentialKind.TENCENT_USERSIG, () -> TestServers.userSig("bob", 2)).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(10)).until(() -> rec.credentialExpired.get() == 1);
      assertTrue(rec.kicks.contains(KickReason.CREDENTIAL_EXPIRED));
      await().atMost(Duration.ofSeconds(5)).until(() -> !bob.isConnected());
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> rec.connected.get() == 1);
    }
  }
}
