package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The raw relay in a child JVM of its own ({@code parley-bench relay}), so that it shares no process with the load
 * generator, just as the Parley server does not. Closing it ends the child; so does a shutdown hook if the bench
 * exits first, and the child also exits by itself when its stdin closes (the bench was killed).
 */
final class RelayProcess implements AutoCloseable {
  /** What the relay's phase of a report says instead of a fsync policy. */
  static final String SYNC_POLICY = "none (the relay stores nothing)";
  private static final long START_TIMEOUT_SECONDS = 60;

  private final Process process;
  private final Path dir;
  private final Thread hook;
  private JsonNode ports;

  private RelayProcess(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
    this.hook = new Thread(process::destroyForcibly, "relay-child-kill");
    Runtime.getRuntime().addShutdownHook(hook);
    Thread out = new Thread(this::copyOutput, "relay-child-stdout");
    out.setDaemon(true);
    out.start();
  }

  /** Starts the relay on a free port of 127.0.0.1 with {@code jvmArgs}, and returns once it accepts connections. */
  static RelayProcess start(List<String> jvmArgs) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("parley-relay");
    Path portsFile = dir.resolve("relay.json");
    List<String> cmd = Workers.childCommand(jvmArgs, "relay");
    cmd.addAll(List.of("--port", "0", "--bind", "127.0.0.1", "--ports-file", portsFile.toString(), "--exit-with-stdin"));
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    } catch (IOException e) {
      Files.deleteIfExists(dir);
      throw e;
    }
    RelayProcess relay = new RelayProcess(p, dir);
    try {
      relay.ports = relay.awaitPortsFile(portsFile);
    } catch (IOException | InterruptedException | RuntimeException e) {
      relay.close();
      throw e;
    }
    System.err.printf("relay child process %d listening on 127.0.0.1:%d%n", relay.pid(), relay.port());
    return relay;
  }

  private JsonNode awaitPortsFile(Path file) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (!Files.isRegularFile(file)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the relay child process exited with code " + process.exitValue()
            + " before listening (see its stderr above)");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the relay child process did not listen within " + START_TIMEOUT_SECONDS + " s");
      }
      Thread.sleep(20);
    }
    return Json.MAPPER.readTree(Files.readString(file));
  }

  /** The relay's TCP port on 127.0.0.1. */
  int port() {
    return ports.get("tcp").asInt();
  }

  long pid() {
    return process.pid();
  }

  /** The child JVM, for its RSS and a full GC. */
  LocalJvm jvm() {
    return new LocalJvm(pid());
  }

  /** Records how the relay ran under the same names as Parley's phase: its JVM flags, transport and (no) fsync policy. */
  void describe(ObjectNode phase) {
    phase.put("syncPolicy", SYNC_POLICY);
    phase.put("serverJvmArgs", ports.path("jvmArgs").asText());
    phase.put("serverJava", ports.path("java").asText());
    phase.put("transport", ports.path("transport").asText());
  }

  /** Prefixes the child's stdout lines and passes them to our stderr, so that our stdout stays the summary. */
  private void copyOutput() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        System.err.println("[relay] " + line);
      }
    } catch (IOException e) {
      // The child went away.
    }
  }

  /** Ends the child (politely, then by force) and waits until it is gone. */
  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } finally {
      removeHook();
      deleteDir();
    }
  }

  private void removeHook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook runs anyway, and the child is gone already.
    }
  }

  private void deleteDir() {
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException | UncheckedIOException e) {
      // A temp directory left behind is harmless.
    }
  }
}
