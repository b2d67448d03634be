package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.LoginInfo;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@DisplayName("parley-bench logs in to any vendor's app")
class TargetTest {
  @TempDir static Path dir;
  static ParleyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = ParleyServer.start(Sandbox.config().withDataDir(dir).withPorts(new ServerConfig.Ports(0, 0, 0, 0, 0)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  Target target(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("--port", Integer.toString(server.tcpPort()),
        "--server-data-dir", dir.toString()));
    all.addAll(List.of(args));
    return CommandLine.populateCommand(new Target(), all.toArray(String[]::new));
  }

  @Test
  @DisplayName("mints a working credential for each sandbox dev app (NetEase and sub-accounts through the admin port)")
  void mintsForEachDevApp() throws Exception {
    List<String[]> cases = List.of(
        new String[] {"--app", Sandbox.TENCENT_APP_ID},
        new String[] {"--app", Sandbox.RONGCLOUD_APP_KEY},
        new String[] {"--app", Sandbox.NETEASE_APP_KEY},
        new String[] {"--app", Sandbox.YUNTONGXUN_APP_ID},
        new String[] {"--app", Sandbox.YUNTONGXUN_APP_ID, "--kind", "yuntongxun-voip"});
    for (String[] args : cases) {
      try (ParleyClient c = target(args).client("bobby").deviceId("t").build()) {
        LoginInfo info = c.connect().get(10, TimeUnit.SECONDS);
        assertTrue(info.sessionId() != 0, String.join(" ", args));
      }
    }
  }

  @Test
  @DisplayName("logs in with a credential it is given, and reports the vendor's refusal of a wrong one at once")
  void givenCredential() throws Exception {
    try (ParleyClient c = target("--app", Sandbox.NETEASE_APP_KEY, "--credential", Sandbox.NETEASE_ALICE_TOKEN)
        .client("alice").deviceId("t").build()) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
    try (ParleyClient c = target("--app", Sandbox.NETEASE_APP_KEY, "--kind", "netease-token", "--credential", "wrong")
        .client("alice").deviceId("t").build()) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> c.connect().get(10, TimeUnit.SECONDS));
      assertEquals(302, ((ParleyException) e.getCause()).code());
    }
  }
}
