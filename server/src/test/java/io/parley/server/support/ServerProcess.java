package io.parley.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/** The real server as a child JVM (this test run's classpath), so that a test can SIGKILL it. */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int tcpPort;

  private ServerProcess(Process process, int tcpPort) {
    this.process = process;
    this.tcpPort = tcpPort;
  }

  /** Starts {@code io.parley.server.Main} on free ports over {@code dataDir} and waits until it listens. */
  public static ServerProcess start(Path dataDir, String... extraArgs) throws IOException {
    Files.createDirectories(dataDir);
    Path ports = dataDir.resolve("ports.json");
    Files.deleteIfExists(ports);
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "io.parley.server.Main",
        "--data-dir", dataDir.toString(), "--tcp-port", "0", "--ws-port", "0", "--admin-port", "0",
        "--http-port", "0", "--https-port", "0"));
    if (Runtime.version().feature() >= 22) {
      cmd.add(1, "--enable-native-access=ALL-UNNAMED");
    }
    cmd.addAll(List.of(extraArgs));
    File log = dataDir.resolve("server.log").toFile();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
        .until(() -> Files.exists(ports) || !p.isAlive());
    if (!p.isAlive()) {
      throw new IOException("server exited with " + p.exitValue() + "; see " + log);
    }
    JsonNode json = new ObjectMapper().readTree(Files.readString(ports));
    return new ServerProcess(p, json.get("tcp").asInt());
  }

  public int tcpPort() {
    return tcpPort;
  }

  /** SIGHUP, which a server started with --config answers by reloading it. */
  public void hangUp() throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -HUP " + process.pid() + " failed");
    }
  }

  /** SIGKILL: no shutdown hook, no flush, nothing graceful. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill9();
    }
  }
}
