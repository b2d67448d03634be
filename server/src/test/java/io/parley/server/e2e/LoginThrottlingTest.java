package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Login;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.RawConnection;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Failed logins are throttled so that credentials cannot be guessed")
class LoginThrottlingTest {
  // 3 failures per user, refilled at 120/min (one every 0.5 s); 6 per address, refilled at 120/min
  @RegisterExtension final ServerExtension running = new ServerExtension(
      c -> c.withLoginThrottle(new ServerConfig.LoginThrottle(6, 120, 3, 120)));

  private Frame login(Login.Builder login) throws Exception {
    try (RawConnection raw = new RawConnection(running.server().tcpPort())) {
      return raw.login(login);
    }
  }

  private static Login.Builder wrongSig(String user) {
    return RawConnection.login(user).setCredential(RawConnection.login("mallory").getCredential());
  }

  @Test
  @DisplayName("after the user's burst of failures even the right UserSig is refused with 1007, until the bucket refills")
  void userThrottledThenRecovers() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, login(wrongSig("bob")).getError().getCode());
    }

    Frame refused = login(RawConnection.login("bob"));
    assertEquals(ErrorCodes.TOO_MANY_LOGIN_ATTEMPTS, refused.getError().getCode());
    assertTrue(refused.getError().getMessage().startsWith("Too many failed logins for user \"bob\""),
        refused.getError().getMessage());
    assertTrue(login(RawConnection.login("carol")).hasLoginResult(), "another user of the same address still logs in");

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> login(RawConnection.login("bob")).hasLoginResult());
  }

  @Test
  @DisplayName("an address that fails for many users is refused for every user, until its bucket refills")
  void addressThrottledThenRecovers() throws Exception {
    for (int i = 0; i < 6; i++) {
      assertEquals(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, login(wrongSig("user" + i)).getError().getCode());
    }

    Frame refused = login(RawConnection.login("dave"));
    assertEquals(ErrorCodes.TOO_MANY_LOGIN_ATTEMPTS, refused.getError().getCode());
    assertTrue(refused.getError().getMessage().contains("from 127.0.0.1"), refused.getError().getMessage());

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
        .until(() -> login(RawConnection.login("dave")).hasLoginResult());
  }
}
