package io.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.v1.CredentialKind;
import io.parley.protocol.v1.Frame;
import io.parley.server.Main;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import io.parley.server.support.RawConnection;
import io.parley.server.support.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("parley-server credential and doctor")
class CredentialCommandsTest {
  @TempDir Path dir;
  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The labelled fields of {@code credential}'s output. */
  private Map<String, String> issued() {
    return Map.of(
        "kind", field("kind"), "user", field("user id"), "credential", field("credential"));
  }

  private String field(String label) {
    return printed().lines().filter(l -> l.startsWith(label + " ")).findFirst().orElseThrow()
        .substring(label.length()).trim();
  }

  private static Frame login(ParleyServer server, String app, Map<String, String> c) throws Exception {
    return RawConnection.attempt(server.tcpPort(),
        RawConnection.login(app, c.get("user"), CredentialKind.valueOf(c.get("kind")), c.get("credential")));
  }

  @Test
  @DisplayName("with no server running, credential opens the data directory; each credential then logs in to a server on it")
  void issuesOffline() throws Exception {
    Path data = dir.resolve("data");
    List<String> apps = List.of(Sandbox.TENCENT_APP_ID, Sandbox.RONGCLOUD_APP_KEY, Sandbox.NETEASE_APP_KEY,
        Sandbox.YUNTONGXUN_APP_ID);
    java.util.Map<String, Map<String, String>> credentials = new java.util.HashMap<>();
    for (String app : apps) {
      assertEquals(0, run("credential", "--data-dir", data.toString(), "--app", app, "--user", "bob"), err.toString());
      credentials.put(app, issued());
    }
    assertEquals("NETEASE_TOKEN", credentials.get(Sandbox.NETEASE_APP_KEY).get("kind"));
    assertTrue(credentials.get(Sandbox.YUNTONGXUN_APP_ID).get("user").matches("[0-9]{14}"), "a sub-account's voipAccount");

    try (ParleyServer server = ParleyServer.start(TestServers.config(data))) {
      for (String app : apps) {
        Frame f = login(server, app, credentials.get(app));
        assertTrue(f.hasLoginResult(), app + ": " + f);
      }
    }
  }

  @Test
  @DisplayName("with a server running, credential goes through its admin port (its store is locked) and the credential logs in")
  void issuesThroughTheRunningServer() throws Exception {
    try (ParleyServer server = TestServers.start(dir.resolve("data"))) {
      assertEquals(0, run("credential", "--data-dir", dir.resolve("data").toString(), "--app", Sandbox.NETEASE_APP_KEY,
          "--user", "carol"), err.toString());
      Map<String, String> first = issued();
      assertTrue(login(server, Sandbox.NETEASE_APP_KEY, first).hasLoginResult());

      assertEquals(0, run("credential", "--data-dir", dir.resolve("data").toString(), "--app", Sandbox.NETEASE_APP_KEY,
          "--user", "carol", "--quiet"));
      String refreshed = printed().trim();
      assertTrue(login(server, Sandbox.NETEASE_APP_KEY, Map.of("user", "carol", "kind", "NETEASE_TOKEN",
          "credential", refreshed)).hasLoginResult());
      assertTrue(login(server, Sandbox.NETEASE_APP_KEY, first).hasError(), "issuing again refreshed the token");

      assertEquals(0, run("credential", "--data-dir", dir.resolve("data").toString(), "--app", Sandbox.YUNTONGXUN_APP_ID,
          "--user", "dave01", "--any-account"));
      assertTrue(login(server, Sandbox.YUNTONGXUN_APP_ID, issued()).hasLoginResult());
    }
  }

  @Test
  @DisplayName("credential refuses what the vendor would refuse, in one line with exit code 1")
  void credentialRefusals() {
    assertEquals(1, run("credential", "--data-dir", dir.toString(), "--app", Sandbox.YUNTONGXUN_APP_ID,
        "--user", "g-is-for-groups", "--any-account"));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("parley-server credential: "), err.toString());
    assertEquals(2, run("credential", "--data-dir", dir.toString(), "--app", "nope", "--user", "bob"));
  }

  @Test
  @DisplayName("doctor explains three broken UserSigs (other key, other user, expired) and passes a good one")
  void doctorOnUserSigs() {
    long now = System.currentTimeMillis() / 1000;
    String otherKey = UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, "the-wrong-key", "alice", 3600, null, now);
    String otherUser = UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, "bob", 3600, null, now);
    String expired = UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, "alice", 60, null, now - 7200);
    String good = UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, "alice", 3600, null, now);

    assertEquals(1, doctor("alice", otherKey));
    assertTrue(printed().contains("[FAIL] TLS.sig is the HMAC-SHA256 of the fields under app 1400000000's key"), printed());
    assertTrue(printed().contains("refused with code 70009"), printed());

    assertEquals(1, doctor("alice", otherUser));
    assertTrue(printed().contains("[FAIL] TLS.identifier \"bob\" is the user logging in, \"alice\""), printed());
    assertTrue(printed().contains("Generate the UserSig for identifier \"alice\", or log in as \"bob\"."), printed());

    assertEquals(1, doctor("alice", expired));
    assertTrue(printed().contains("[FAIL] not expired"), printed());
    assertTrue(printed().contains("refused with code 70001"), printed());
    assertTrue(printed().contains("TLS.expire      60 s"), printed());

    assertEquals(1, doctor("alice", "garbage"));
    assertTrue(printed().contains("[FAIL] decodes"), printed());

    assertEquals(0, doctor("alice", good));
    assertTrue(printed().contains("Verdict: a login with this credential is accepted."), printed());
    assertFalse(java.nio.file.Files.exists(dir.resolve("store")), "a UserSig needs no data directory");
  }

  private int doctor(String user, String credential) {
    return run("doctor", "--data-dir", dir.toString(), "--app", Sandbox.TENCENT_APP_ID, "--user", user,
        "--credential", credential);
  }

  @Test
  @DisplayName("doctor explains account credentials: a NetEase token that was refreshed away, a blocked account")
  void doctorOnAccounts() throws Exception {
    try (ParleyServer server = TestServers.start(dir.resolve("data"))) {
      var app = server.services().app(Sandbox.NETEASE_APP_KEY);
      String old = server.services().accounts().createNeteaseAccount(app, "erin", java.util.Optional.empty());
      server.services().accounts().refreshNeteaseToken(app, "erin");

      assertEquals(1, run("doctor", "--data-dir", dir.resolve("data").toString(), "--app", Sandbox.NETEASE_APP_KEY,
          "--user", "erin", "--credential", old));
      assertTrue(printed().contains("[ok]   account \"erin\" exists"), printed());
      assertTrue(printed().contains("[FAIL] the token is the account's current token"), printed());
      assertTrue(printed().contains("refused with code 302"), printed());

      server.services().accounts().blockNetease(server.services().app(Sandbox.NETEASE_APP_KEY), "alice", true);
      assertEquals(1, run("doctor", "--data-dir", dir.resolve("data").toString(), "--app", Sandbox.NETEASE_APP_KEY,
          "--user", "alice", "--credential", Sandbox.NETEASE_ALICE_TOKEN));
      assertTrue(printed().contains("[FAIL] the account is not blocked"), printed() + err);
      assertTrue(printed().contains("refused with code 301"), printed());
    }
  }
}
