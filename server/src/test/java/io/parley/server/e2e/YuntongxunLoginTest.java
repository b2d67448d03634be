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
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.app.App;
import io.parley.server.app.AppSecrets;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import io.parley.server.support.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Yuntongxun logins: sub-account and any-account")
class YuntongxunLoginTest {
  static final String APP = Sandbox.YUNTONGXUN_APP_ID;
  static final io.parley.protocol.v1.CredentialKind VOIP = io.parley.protocol.v1.CredentialKind.YUNTONGXUN_VOIP;
  static final io.parley.protocol.v1.CredentialKind APP_TOKEN = io.parley.protocol.v1.CredentialKind.YUNTONGXUN_APP_TOKEN;

  @RegisterExtension final ServerExtension running = new ServerExtension();

  Accounts accounts() {
    return running.server().services().accounts();
  }

  App app() {
    return running.server().services().app(APP);
  }

  Frame attempt(io.parley.protocol.v1.CredentialKind kind, String user, String credential) throws Exception {
    return RawConnection.attempt(running.server().tcpPort(), RawConnection.login(APP, user, kind, credential));
  }

  @Test
  @DisplayName("a sub-account logs in as its voipAccount with its voipPwd, and two sub-accounts can talk")
  void subAccountLogsIn() throws Exception {
    SubAccount alice = accounts().createSubAccount(app(), "alice");
    SubAccount bob = accounts().createSubAccount(app(), "bob");
    Recorder bobInbox = new Recorder();
    try (ParleyClient a = Clients.tcp(running.server(), alice.voipAccount(), new Recorder()).appId(APP)
            .credential(CredentialKind.YUNTONGXUN_VOIP, alice::voipPwd).build();
        ParleyClient b = Clients.tcp(running.server(), bob.voipAccount(), bobInbox).appId(APP)
            .credential(CredentialKind.YUNTONGXUN_VOIP, bob::voipPwd).build()) {
      a.connect().get(10, TimeUnit.SECONDS);
      b.connect().get(10, TimeUnit.SECONDS);
      a.send(bob.voipAccount(), "text", "hello".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> bobInbox.count() == 1);
    }
  }

  @Test
  @DisplayName("sub-account refusals: wrong or empty voipPwd 110010, unknown voipAccount 110015, the friendlyName is not a login")
  void subAccountRefusals() throws Exception {
    SubAccount alice = accounts().createSubAccount(app(), "alice");

    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN, "Wrong voipPwd",
        attempt(VOIP, alice.voipAccount(), alice.voipPwd() + "x"));
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN, "Wrong voipPwd",
        attempt(VOIP, alice.voipAccount(), alice.subToken()));
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN, "missing",
        attempt(VOIP, alice.voipAccount(), ""));
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_SUBACCOUNT_NOT_FOUND, "No sub-account",
        attempt(VOIP, "alice", alice.voipPwd()));
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_SUBACCOUNT_NOT_FOUND, "No sub-account",
        attempt(VOIP, "99999999999999", alice.voipPwd()));
  }

  @Test
  @DisplayName("closing a sub-account kicks its live session (CREDENTIAL_REVOKED) and its logins are refused with 110015")
  void closedSubAccount() throws Exception {
    SubAccount alice = accounts().createSubAccount(app(), "alice");
    Recorder rec = new Recorder();
    try (ParleyClient a = Clients.tcp(running.server(), alice.voipAccount(), rec).appId(APP)
        .credential(CredentialKind.YUNTONGXUN_VOIP, alice::voipPwd).build()) {
      a.connect().get(10, TimeUnit.SECONDS);

      accounts().closeSubAccount(app(), alice.subAccountSid());

      await().atMost(Duration.ofSeconds(5)).until(() -> rec.kicks.contains(KickReason.CREDENTIAL_REVOKED));
    }
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_SUBACCOUNT_NOT_FOUND, "No sub-account",
        attempt(VOIP, alice.voipAccount(), alice.voipPwd()));
  }

  @Test
  @DisplayName("any-account login takes the APP TOKEN and any user name that follows the vendor's rules")
  void anyAccount() throws Exception {
    String appToken = Sandbox.YUNTONGXUN_APP_TOKEN;
    Frame ok = attempt(APP_TOKEN, "alice", appToken);
    assertTrue(ok.hasLoginResult(), ok.toString());
    assertEquals("alice", ok.getLoginResult().getUserId());
    assertTrue(attempt(APP_TOKEN, "user_name-20chars-ok", appToken).hasLoginResult());

    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_TOKEN_INVALID, "not app", attempt(APP_TOKEN, "alice", "parleydevapptokeN"));
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_TOKEN_INVALID, "not app",
        attempt(APP_TOKEN, "alice", ((AppSecrets.Yuntongxun) app().secrets()).authToken()));
    RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_TOKEN_INVALID, "missing", attempt(APP_TOKEN, "alice", ""));
    for (String bad : List.of("gary01", "Group1", "abc", "a-name-longer-than-twenty", "名字名字名字", "has space", "mail@host",
        "12345678901234")) {
      RongcloudLoginTest.assertRefused(ErrorCodes.YUNTONGXUN_BAD_FORMAT, "User name \"" + bad + "\"",
          attempt(APP_TOKEN, bad, appToken));
    }
  }

  @Test
  @DisplayName("an app can turn the trusting any-account login off: the APP TOKEN then opens nothing (1008)")
  void anyAccountOff(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("parley.yaml");
    Files.writeString(config, "ports: {tcp: 0, ws: 0, http: 0, https: 0, admin: 0}\ndataDir: " + dir.resolve("data") + "\napps:\n"
        + "  - {id: ytx, vendor: yuntongxun, accountSid: sid, authToken: auth, appToken: apptoken, anyAccountLogin: false}\n");
    try (var server = io.parley.server.ParleyServer.start(io.parley.server.configfile.ConfigLoader.load(config)
        .withLoginThrottle(TestServers.LENIENT_THROTTLE))) {
      Frame f = RawConnection.attempt(server.tcpPort(), RawConnection.login("ytx", "alice", APP_TOKEN, "apptoken"));
      RongcloudLoginTest.assertRefused(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED, "any-account login turned off", f);
    }
  }
}
