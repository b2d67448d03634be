package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's side of {@code --workers}: starts W child JVMs running the hidden {@code worker}
 * command, tells them when to go, and reads one result line from each. Protocol lines on a worker's
 * stdout start with {@link #PREFIX}; its stderr (progress) goes to ours.
 */
final class Workers implements AutoCloseable {
  static final String PREFIX = "@parley-worker ";
  private static final String EOF = "\u0000eof";

  private final List<Child> children = new ArrayList<>();

  /** The loopback source address of worker {@code k}'s client sockets: 127.0.0.(2+k). */
  static String sourceAddress(int k) {
    return "127.0.0." + (2 + k);
  }

  /** Worker {@code k}'s share of {@code total}: an even split, the remainder to the first ones. */
  static int share(int total, int workers, int k) {
    return total / workers + (k < total % workers ? 1 : 0);
  }

  /** The first index of worker {@code k}'s share. */
  static int firstOf(int total, int workers, int k) {
    int first = 0;
    for (int i = 0; i < k; i++) {
      first += share(total, workers, i);
    }
    return first;
  }

  /**
   * The command line of a child JVM of this bench: this process's {@code java} and classpath, then {@code jvmArgs},
   * then {@code parley-bench <subcommand>} (its options are for the caller to add).
   */
  static List<String> childCommand(List<String> jvmArgs, String subcommand) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmArgs);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), subcommand));
    return cmd;
  }

  /** Starts one child JVM per argument list (each after the {@code worker} subcommand). */
  static Workers launch(List<List<String>> workerArgs) throws IOException {
    Workers w = new Workers();
    try {
      for (int k = 0; k < workerArgs.size(); k++) {
        List<String> cmd = childCommand(List.of(), "worker");
        cmd.addAll(workerArgs.get(k));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        w.children.add(new Child(k, p));
      }
    } catch (IOException e) {
      w.close();
      throw e;
    }
    return w;
  }

  /** Waits until every worker has said {@code ready}. */
  void awaitReady(long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    for (Child c : children) {
      String line = c.next(deadline);
      if (!line.equals("ready")) {
        throw new IllegalStateException("worker " + c.index + " said " + line + " instead of ready");
      }
    }
  }

  /** Tells every worker to start now. */
  void go() {
    children.forEach(c -> c.say("go"));
  }

  /** Tells every worker one line (a scenario's own step, such as the group scenario's "expect N"). */
  void tell(String line) {
    children.forEach(c -> c.say(line));
  }

  /** One result per worker, in worker order. */
  List<JsonNode> awaitResults(long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    List<JsonNode> results = new ArrayList<>();
    for (Child c : children) {
      String line = c.next(deadline);
      if (!line.startsWith("result ")) {
        throw new IllegalStateException("worker " + c.index + " said " + line + " instead of a result");
      }
      results.add(Json.MAPPER.readTree(line.substring("result ".length())));
    }
    return results;
  }

  /** Tells every worker to close its clients and exit, waits a little, then ends any that remain. */
  @Override
  public void close() {
    children.forEach(c -> c.say("stop"));
    for (Child c : children) {
      try {
        if (!c.process.waitFor(30, TimeUnit.SECONDS)) {
          c.process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        c.process.destroyForcibly();
      }
    }
  }

  /** One child JVM: its stdin to write to, and a queue of its protocol lines. */
  private static final class Child {
    final int index;
    final Process process;
    final PrintWriter in;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    Child(int index, Process process) {
      this.index = index;
      this.process = process;
      this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread reader = new Thread(this::read, "worker-" + index + "-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith(PREFIX)) {
            lines.add(line.substring(PREFIX.length()));
          } else {
            System.err.println("[worker " + index + "] " + line);
          }
        }
      } catch (IOException e) {
        // The process went away; the EOF marker below says so.
      }
      lines.add(EOF);
    }

    String next(long deadlineNanos) throws InterruptedException {
      String line = lines.poll(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new IllegalStateException("worker " + index + " said nothing in time");
      }
      if (line.equals(EOF)) {
        lines.add(EOF);
        throw new IllegalStateException("worker " + index + " exited early (see its stderr above)");
      }
      return line;
    }

    void say(String line) {
      if (process.isAlive()) {
        in.println(line);
      }
    }
  }
}
