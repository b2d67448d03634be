package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.KickReason;
import io.parley.client.ParleyClient;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.server.ParleyServer;
import io.parley.server.configfile.ConfigLoader;
import io.parley.server.config.ConfigReload;
import io.parley.server.support.Admin;
import io.parley.server.support.Clients;
import io.parley.server.support.RawConnection;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerProcess;
import io.parley.server.support.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Reloading the config without a restart")
class ConfigReloadTest {
  static final String APP_A = "1400000001";
  static final String APP_B = "1400000002";
  @TempDir Path dir;

  static String config(Path dataDir, String... tencentApps) {
    StringBuilder yaml = new StringBuilder("dataDir: " + dataDir + "\nports: {tcp: 0, ws: 0, http: 0, https: 0, admin: 0}\napps:\n");
    for (String app : tencentApps) {
      yaml.append("  - {id: \"").append(app).append("\", vendor: tencent, key: key-of-").append(app).append("}\n");
    }
    return yaml.toString();
  }

  static String sig(String app, String user) {
    return UserSig.generate(Long.parseLong(app), "key-of-" + app, user, 3600, null, System.currentTimeMillis() / 1000);
  }

  static ParleyClient client(ParleyServer server, String app, String user, Recorder rec) {
    return Clients.tcp(server, user, rec).appId(app)
        .credential(io.parley.client.CredentialKind.TENCENT_USERSIG, () -> sig(app, user)).build();
  }

  @Test
  @DisplayName("POST /admin/reload hosts added apps, kicks the sessions of removed apps with APP_REMOVED, and keeps the rest")
  void adminReload() throws Exception {
    Path file = dir.resolve("parley.yaml");
    Files.writeString(file, config(dir.resolve("data"), APP_A, APP_B));
    try (ParleyServer server = ParleyServer.start(ConfigLoader.load(file), Optional.of(file))) {
      Recorder inA = new Recorder();
      Recorder inB = new Recorder();
      try (ParleyClient a = client(server, APP_A, "alice", inA); ParleyClient b = client(server, APP_B, "alice", inB)) {
        a.connect().get(10, TimeUnit.SECONDS);
        b.connect().get(10, TimeUnit.SECONDS);

        Files.writeString(file, config(dir.resolve("data"), APP_A, "1400000003"));
        Admin.Reply reply = Admin.post(server.adminPort(), server.config().dataDir(), "/admin/reload");

        assertEquals(200, reply.status(), reply.json().toString());
        assertEquals("[\"1400000003\"]", reply.json().get("added").toString());
        assertEquals("[\"" + APP_B + "\"]", reply.json().get("removed").toString());
        assertEquals(1, reply.json().get("kickedSessions").asInt());
        await().atMost(Duration.ofSeconds(5)).until(() -> inB.kicks.contains(KickReason.APP_REMOVED) && !b.isConnected());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> a.isConnected() && !b.isConnected());
        assertEquals(List.of(), inA.kicks);
      }
      try (RawConnection raw = new RawConnection(server.tcpPort())) {
        assertEquals(ErrorCodes.UNKNOWN_APP, raw.login(RawConnection.login("bob").setAppId(APP_B)
            .setCredential(sig(APP_B, "bob"))).getError().getCode());
      }
      try (RawConnection raw = new RawConnection(server.tcpPort())) {
        assertTrue(raw.login(RawConnection.login("bob").setAppId("1400000003")
            .setCredential(sig("1400000003", "bob"))).hasLoginResult(), "the added app is hosted at once");
      }
    }
  }

  @Test
  @DisplayName("an invalid file, a missing token or a sandbox without a file change nothing and say why")
  void refusals() throws Exception {
    Path file = dir.resolve("parley.yaml");
    Files.writeString(file, config(dir.resolve("data"), APP_A));
    try (ParleyServer server = ParleyServer.start(ConfigLoader.load(file), Optional.of(file))) {
      Files.writeString(file, "apps: []\n");
      Admin.Reply bad = Admin.post(server.adminPort(), server.config().dataDir(), "/admin/reload");
      assertEquals(409, bad.status());
      assertTrue(bad.json().get("error").asText().startsWith("apps: "), bad.json().toString());
      assertTrue(server.sessions().size() == 0 && loginWorks(server, APP_A), "the running apps stay");

      assertEquals(401, Admin.post(server.adminPort(), (String) null, "/admin/reload").status());
      assertEquals(401, Admin.post(server.adminPort(), "Bearer wrong", "/admin/reload").status());
    }
    try (ParleyServer sandbox = TestServers.start(dir.resolve("sandbox"))) {
      Admin.Reply reply = Admin.post(sandbox.adminPort(), sandbox.config().dataDir(), "/admin/reload");
      assertEquals(409, reply.status());
      assertTrue(reply.json().get("error").asText().contains("nothing to reload"), reply.json().toString());
    }
  }

  @Test
  @DisplayName("a changed key applies to new logins, and settings other than apps are reported as needing a restart")
  void changedApp() throws Exception {
    Path file = dir.resolve("parley.yaml");
    Files.writeString(file, config(dir.resolve("data"), APP_A));
    try (ParleyServer server = ParleyServer.start(ConfigLoader.load(file), Optional.of(file))) {
      assertTrue(loginWorks(server, APP_A));
      Files.writeString(file, config(dir.resolve("data"), APP_A).replace("key-of-", "new-key-of-")
          + "heartbeat: {minMs: 5000}\n");

      ConfigReload report = server.reloadConfig();

      assertEquals(List.of(APP_A), report.changed());
      assertEquals(List.of("heartbeat"), report.needRestart());
      try (RawConnection raw = new RawConnection(server.tcpPort())) {
        assertEquals(ErrorCodes.TENCENT_SIGNATURE_MISMATCH, raw.login(RawConnection.login("carol").setAppId(APP_A)
            .setCredential(sig(APP_A, "carol"))).getError().getCode(), "the old key no longer signs");
      }
    }
  }

  @Test
  @DisplayName("SIGHUP makes a running server process reload its --config file")
  void hangUpReloads() throws Exception {
    Path file = dir.resolve("parley.yaml");
    Path data = dir.resolve("data");
    Files.writeString(file, config(data, APP_A));
    try (ServerProcess server = ServerProcess.start(data, "--config", file.toString())) {
      assertTrue(loginFails(server.tcpPort(), APP_B));
      Files.writeString(file, config(data, APP_A, APP_B));

      server.hangUp();

      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
          .until(() -> !loginFails(server.tcpPort(), APP_B));
    }
  }

  private static boolean loginWorks(ParleyServer server, String app) throws Exception {
    try (RawConnection raw = new RawConnection(server.tcpPort())) {
      return raw.login(RawConnection.login("probe").setAppId(app).setCredential(sig(app, "probe"))).hasLoginResult();
    }
  }

  private static boolean loginFails(int port, String app) throws Exception {
    try (RawConnection raw = new RawConnection(port)) {
      return raw.login(RawConnection.login("probe").setAppId(app).setCredential(sig(app, "probe"))).hasError();
    }
  }
}
