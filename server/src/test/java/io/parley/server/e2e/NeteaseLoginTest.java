package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("NetEase accid + token logins")
class NeteaseLoginTest {
  static final String APP = Sandbox.NETEASE_APP_KEY;
  static final io.parley.protocol.v1.CredentialKind KIND = io.parley.protocol.v1.CredentialKind.NETEASE_TOKEN;

  @RegisterExtension final ServerExtension running = new ServerExtension();

  Accounts accounts() {
    return running.server().services().accounts();
  }

  App app() {
    return running.server().services().app(APP);
  }

  Frame attempt(String accid, String token) throws Exception {
    return RawConnection.attempt(running.server().tcpPort(), RawConnection.login(APP, accid, KIND, token));
  }

  @Test
  @DisplayName("the sandbox's seeded alice and a newly created account log in with their tokens")
  void validTokensLogIn() throws Exception {
    String bobToken = accounts().createNeteaseAccount(app(), "bob", Optional.empty());
    accounts().createNeteaseAccount(app(), "carol", Optional.of("carol-chose-this-token"));

    assertTrue(attempt("alice", Sandbox.NETEASE_ALICE_TOKEN).hasLoginResult());
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", new Recorder()).appId(APP)
        .credential(CredentialKind.NETEASE_TOKEN, () -> bobToken).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);
    }
    assertTrue(attempt("carol", "carol-chose-this-token").hasLoginResult());
  }

  @Test
  @DisplayName("each way of being wrong is refused: 302 for a wrong, replaced, empty or unknown account's token")
  void refusals() throws Exception {
    String first = accounts().createNeteaseAccount(app(), "bob", Optional.empty());
    String second = accounts().refreshNeteaseToken(app(), "bob");

    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "Wrong token", attempt("bob", first));
    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "Wrong token",
        attempt("bob", second.substring(1)));
    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "Wrong token",
        attempt("bob", Sandbox.NETEASE_ALICE_TOKEN));
    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "missing", attempt("bob", ""));
    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "No account \"mallory\"",
        attempt("mallory", second));
    assertTrue(attempt("bob", second).hasLoginResult(), "the refreshed token works");
  }

  @Test
  @DisplayName("blocking an account kicks its live session (ACCOUNT_BLOCKED) and refuses logins with 301 until unblocked")
  void blocked() throws Exception {
    String token = accounts().createNeteaseAccount(app(), "bob", Optional.empty());
    Recorder rec = new Recorder();
    try (ParleyClient bob = Clients.tcp(running.server(), "bob", rec).appId(APP)
        .credential(CredentialKind.NETEASE_TOKEN, () -> token).build()) {
      bob.connect().get(10, TimeUnit.SECONDS);

      accounts().blockNetease(app(), "bob", true);

      await().atMost(Duration.ofSeconds(5)).until(() -> rec.kicks.contains(KickReason.ACCOUNT_BLOCKED));
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> !bob.isConnected());
    }
    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_BLOCKED, "blocked", attempt("bob", token));
    RongcloudLoginTest.assertRefused(ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, "Wrong token", attempt("bob", "guess"));

    accounts().unblockNetease(app(), "bob");
    assertTrue(attempt("bob", token).hasLoginResult());
  }
}
