package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The relay in a child process: reachable, answers a Login with a LoginResult, and never outlives the bench. */
@DisplayName("The relay child process")
@Timeout(60)
class RelayProcessTest {
  @Test
  @DisplayName("answers a login, shows its memory and flags, and is gone once closed")
  void startsAnswersAndStops() throws Exception {
    long pid;
    try (RelayProcess relay = RelayProcess.start(List.of("-Xmx128m"))) {
      pid = relay.pid();
      assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "running while open");
      assertEquals(1, RelayChildren.alive().size(), "seen by the leak check of the scenario tests");
      try (ParleyClient c = ParleyClient.builder().tcp("127.0.0.1", relay.port()).appId("1").userId("ann")
          .credential(CredentialKind.TENCENT_USERSIG, () -> "any").build()) {
        LoginInfo info = c.connect().get(10, TimeUnit.SECONDS);
        assertTrue(info.sessionId() != 0, "a LoginResult with a session id");
      }
      assertTrue(relay.jvm().rssBytes() > 0, "its RSS from /proc");
      var phase = Json.MAPPER.createObjectNode();
      relay.describe(phase);
      assertTrue(phase.get("serverJvmArgs").asText().contains("-Xmx128m"), phase.toString());
      assertEquals(RelayProcess.SYNC_POLICY, phase.get("syncPolicy").asText());
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "gone once closed");
  }

  @Test
  @DisplayName("started with --exit-with-stdin, exits by itself when its stdin closes, as when the bench is killed")
  void exitsWhenStdinCloses(@TempDir Path dir) throws Exception {
    Path ports = dir.resolve("relay.json");
    List<String> cmd = Workers.childCommand(List.of(), "relay");
    cmd.addAll(List.of("--ports-file", ports.toString(), "--exit-with-stdin"));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      while (!Files.isRegularFile(ports)) {
        assertTrue(p.isAlive(), "the relay started");
        Thread.sleep(20);
      }
      p.getOutputStream().close();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exited after its stdin closed");
    } finally {
      p.destroyForcibly();
    }
  }
}
