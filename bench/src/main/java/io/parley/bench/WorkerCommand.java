package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench worker} (hidden): one child of a {@code --workers} run. Connects its share, prints
 * {@code ready}, waits for {@code go} on stdin, runs, prints one result line, and for connect holds its
 * sessions until {@code stop}. It exits on its own at a deadline, or when stdin closes (the coordinator died).
 */
@Command(name = "worker", hidden = true, description = "A child process of a --workers run (started by the coordinator).")
public final class WorkerCommand implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--scenario", required = true, description = "c2c, connect or group") String scenario;
  @Option(names = "--local-address", required = true) String localAddress;
  @Option(names = "--run", required = true, description = "the run id the users are named after") String run;
  @Option(names = "--first", defaultValue = "0", description = "index of the first pair or session") int first;
  @Option(names = "--count", required = true, description = "pairs (c2c) or sessions (connect)") int count;
  @Option(names = "--in-flight", defaultValue = "10") int inFlight;
  @Option(names = "--rate", defaultValue = "0", description = "c2c: messages/s; connect ramp: logins/s") int rate;
  @Option(names = "--size", defaultValue = "100") int size;
  @Option(names = "--warmup", defaultValue = "5") int warmup;
  @Option(names = "--duration", defaultValue = "20") int duration;
  @Option(names = "--mode", defaultValue = "storm") String mode;
  @Option(names = "--concurrency", defaultValue = "1000") int concurrency;
  @Option(names = "--warmup-sessions", defaultValue = "0", description = "connect: sessions logged in and out before ready") int warmupSessions;
  @Option(names = "--group", defaultValue = "", description = "group: the group whose messages the members count") String group;
  @Option(names = "--timeout", defaultValue = "300", description = "seconds allowed for each wait beyond the run itself") int timeout;
  @Option(names = "--drain", defaultValue = "60", description = "group: seconds the members wait for the last messages") int drain;

  private final CountDownLatch stop = new CountDownLatch(1);
  private BufferedReader stdin;

  @Override
  public Integer call() throws Exception {
    boolean c2c = scenario.equals("c2c");
    // Connect, wait for go, run (logins take at most one timeout), wait for stop: never longer than this.
    long lifetime = c2c ? 2L * timeout + warmup + duration
        : scenario.equals("group") ? 2L * timeout + duration + drain : 3L * timeout;
    watchdog(lifetime);
    stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    InetAddress source = InetAddress.getByName(localAddress);
    if (scenario.equals("group")) {
      return runGroup(source);
    }
    return c2c ? runC2c(source) : runConnect(source);
  }

  /** Logs the members in, says ready, and after go waits for "expect N" (N messages sent), then reports. */
  private int runGroup(InetAddress source) throws Exception {
    GroupReceivers members = new GroupReceivers(target, source, run, first, count, group);
    try {
      members.connect(concurrency);
      say("ready");
      awaitLine("go");
      long expected = awaitExpect();
      watchStdin();
      members.awaitAll(expected, drain);
      say("result " + members.result(expected));
      stop.await();
    } finally {
      members.close();
    }
    return 0;
  }

  /** Reads stdin until "expect N" and returns N. */
  private long awaitExpect() throws Exception {
    for (String line = stdin.readLine(); ; line = stdin.readLine()) {
      if (line == null) {
        System.err.println("worker: coordinator gone (stdin closed); exiting");
        Runtime.getRuntime().halt(3);
      }
      if (line.trim().startsWith("expect ")) {
        return Long.parseLong(line.trim().substring("expect ".length()));
      }
      if (line.trim().equals("stop")) {
        throw new IllegalStateException("told to stop while waiting for expect");
      }
    }
  }

  private int runC2c(InetAddress source) throws Exception {
    C2cLoad load = new C2cLoad(target, new C2cLoad.Settings(count, inFlight, rate, size, warmup, duration), source, run, first);
    try {
      load.connect();
      say("ready");
      awaitLine("go");
      watchStdin();
      load.start();
      load.warmUp();
      C2cLoad.Result r = load.measure(null);
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("count", r.count());
      n.put("seconds", r.seconds());
      n.put("failed", r.failed());
      n.put("push", HistogramCodec.encode(r.push()));
      n.put("ack", HistogramCodec.encode(r.ack()));
      n.put("pacer", HistogramCodec.encode(r.pacerLateness()));
      n.set("perSecond", Json.MAPPER.valueToTree(r.perSecond()));
      say("result " + n);
    } finally {
      load.close();
    }
    return 0;
  }

  private int runConnect(InetAddress source) throws Exception {
    ConnectLoad load = new ConnectLoad(target, source, run, first, count);
    try {
      load.warmUp(warmupSessions, concurrency);
      load.prepare();
      say("ready");
      awaitLine("go");
      watchStdin();
      ConnectLoad.Logins l = load.login(mode, rate, concurrency);
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("sessions", l.sessions());
      n.put("seconds", l.seconds());
      n.put("failed", l.failed());
      n.put("latency", HistogramCodec.encode(l.latency()));
      say("result " + n);
      stop.await();
    } finally {
      load.close();
    }
    return 0;
  }

  private static void say(String line) {
    System.out.println(Workers.PREFIX + line);
    System.out.flush();
  }

  /** Reads stdin until {@code expected}; a closed stdin means the coordinator is gone, so this process ends. */
  private void awaitLine(String expected) throws Exception {
    for (String line = stdin.readLine(); ; line = stdin.readLine()) {
      if (line == null) {
        System.err.println("worker: coordinator gone (stdin closed); exiting");
        Runtime.getRuntime().halt(3);
      }
      if (line.trim().equals(expected)) {
        return;
      }
      if (line.trim().equals("stop")) {
        throw new IllegalStateException("told to stop while waiting for " + expected);
      }
    }
  }

  /** After go, keeps reading stdin: {@code stop} releases the held sessions, a closed stdin ends this process at once. */
  private void watchStdin() {
    Thread t = new Thread(() -> {
      try {
        for (String line = stdin.readLine(); line != null; line = stdin.readLine()) {
          if (line.trim().equals("stop")) {
            stop.countDown();
          }
        }
      } catch (IOException e) {
        // Treated as a closed stdin.
      }
      System.err.println("worker: coordinator gone (stdin closed); exiting");
      Runtime.getRuntime().halt(3);
    }, "worker-stdin");
    t.setDaemon(true);
    t.start();
  }

  private static void watchdog(long seconds) {
    Thread t = new Thread(() -> {
      try {
        TimeUnit.SECONDS.sleep(seconds);
        System.err.println("worker: deadline of " + seconds + " s passed; exiting");
        Runtime.getRuntime().halt(4);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "worker-deadline");
    t.setDaemon(true);
    t.start();
  }
}
