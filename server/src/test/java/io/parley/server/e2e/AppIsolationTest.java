package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Pull;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.VendorKind;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Apps are isolated: the same user ids in two apps are different people")
class AppIsolationTest {
  static final String OTHER = "1400000099";
  static final String OTHER_KEY = "key-of-the-other-app";

  @RegisterExtension final ServerExtension running = new ServerExtension(c -> {
    List<App> apps = new ArrayList<>(c.apps());
    apps.add(new App(OTHER, VendorKind.TENCENT, new AppSecrets.Tencent(OTHER_KEY, "administrator"), Sandbox.APP_LIMITS,
        CallbackSettings.NONE));
    return c.withApps(apps);
  });

  static String otherSig(String user) {
    return UserSig.generate(Long.parseLong(OTHER), OTHER_KEY, user, 3600, null, System.currentTimeMillis() / 1000);
  }

  ParleyClient inOther(String user, Recorder rec) {
    return Clients.tcp(running.server(), user, rec).appId(OTHER)
        .credential(CredentialKind.TENCENT_USERSIG, () -> otherSig(user)).build();
  }

  @Test
  @DisplayName("a message to bob reaches bob of the sender's app only; the other app's bob sees nothing, live or by pull")
  void messagesStayInTheirApp() throws Exception {
    Recorder bobHere = new Recorder();
    Recorder bobThere = new Recorder();
    Recorder aliceThere = new Recorder();
    try (ParleyClient alice = Clients.tcp(running.server(), "alice", new Recorder()).build();
        ParleyClient bob = Clients.tcp(running.server(), "bob", bobHere).build();
        ParleyClient otherBob = inOther("bob", bobThere);
        ParleyClient otherAlice = inOther("alice", aliceThere)) {
      for (ParleyClient c : List.of(alice, bob, otherBob, otherAlice)) {
        c.connect().get(10, TimeUnit.SECONDS);
      }
      for (int i = 0; i < 20; i++) {
        alice.send("bob", "text", ("hi " + i).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
      }
      otherAlice.send("bob", "text", "from the other app".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(5)).until(() -> bobHere.count() == 20 && bobThere.count() == 1);
      await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
          .until(() -> bobHere.count() == 20 && bobThere.count() == 1 && aliceThere.count() == 1);
      assertEquals("from the other app", new String(bobThere.messages().get(0).content(), StandardCharsets.UTF_8));
      assertEquals(1, bobThere.messages().get(0).seq(), "the other app's bob has a timeline of his own");
    }
    try (RawConnection raw = new RawConnection(running.server().tcpPort())) {
      Frame login = raw.login(RawConnection.login("bob").setAppId(OTHER).setCredential(otherSig("bob")));
      assertEquals(1, login.getLoginResult().getNewestSeq());
      Frame pull = raw.request(Frame.newBuilder().setPull(Pull.newBuilder().setAfterSeq(0).setLimit(200)));
      assertEquals(1, pull.getPullResult().getEntriesCount());
      assertEquals("alice", pull.getPullResult().getEntries(0).getMessage().getFromUserId());
      assertEquals("from the other app", pull.getPullResult().getEntries(0).getMessage().getContent().toStringUtf8());
    }
  }

  @Test
  @DisplayName("one app's credential never opens the other app, even for the same user id")
  void credentialsStayInTheirApp() throws Exception {
    try (RawConnection raw = new RawConnection(running.server().tcpPort())) {
      assertEquals(ErrorCodes.TENCENT_SDKAPPID_MISMATCH,
          raw.login(RawConnection.login("bob").setAppId(OTHER)).getError().getCode());
    }
    try (RawConnection raw = new RawConnection(running.server().tcpPort())) {
      assertEquals(ErrorCodes.TENCENT_SDKAPPID_MISMATCH,
          raw.login(RawConnection.login("bob").setCredential(otherSig("bob"))).getError().getCode());
    }
  }
}
