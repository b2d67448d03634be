package io.parley.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.credential.tencent.UserSigCheck;
import io.parley.server.Main;
import io.parley.server.config.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The parley-server command line")
class CommandLineTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("usersig prints a UserSig of the sandbox's dev app that verifies for that user and expiry")
  void userSigForTheSandbox() {
    assertEquals(0, run("usersig", "--user", "alice", "--expire", "600"));
    String sig = out.toString(StandardCharsets.UTF_8).trim();
    long now = System.currentTimeMillis() / 1000;
    UserSigCheck check = UserSig.check(sig, Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, "alice", now);
    assertTrue(check.isOk(), check.reason());
    assertEquals(600, check.decodedOrNull().expire());
  }

  @Test
  @DisplayName("usersig uses the app of --config")
  void userSigForAConfiguredApp(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("parley.yaml");
    Files.writeString(config, "apps:\n  - id: \"1400123456\"\n    vendor: tencent\n    key: deployment-key\n");
    assertEquals(0, run("usersig", "--config", config.toString(), "--user", "bob"));
    UserSigCheck check = UserSig.check(out.toString(StandardCharsets.UTF_8).trim(), 1400123456L, "deployment-key", "bob",
        System.currentTimeMillis() / 1000);
    assertTrue(check.isOk(), check.reason());
  }

  @Test
  @DisplayName("a bad config prints one line naming the key and exits 2")
  void badConfigExitsTwo(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("parley.yaml");
    Files.writeString(config, "ports: {tcp: -5}\napps:\n  - id: \"1400123456\"\n    vendor: tencent\n    key: k\n");
    assertEquals(2, run("--config", config.toString()));
    String printed = err.toString(StandardCharsets.UTF_8);
    assertEquals("parley-server: config error: ports.tcp: must be a port number 0-65535 (0 picks a free port), not '-5'",
        printed.trim());
    assertEquals(1, printed.trim().lines().count());
  }

  @Test
  @DisplayName("a config file that does not exist is a config error too")
  void missingConfig(@TempDir Path dir) {
    assertEquals(2, run("--config", dir.resolve("nope.yaml").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("parley-server: config error: --config: cannot read"));
  }

  @Test
  @DisplayName("a port already in use is one clear line and exit code 2, not a stack trace")
  void portInUse(@TempDir Path dir) throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int code = run("--data-dir", dir.toString(), "--tcp-port", String.valueOf(taken.getLocalPort()),
          "--ws-port", "0", "--admin-port", "0", "--http-port", "0", "--https-port", "0");
      assertEquals(2, code);
      String printed = err.toString(StandardCharsets.UTF_8).trim();
      assertTrue(printed.startsWith("parley-server: cannot listen: a port is already in use"), printed);
      assertEquals(1, printed.lines().count(), printed);
    }
  }
}
