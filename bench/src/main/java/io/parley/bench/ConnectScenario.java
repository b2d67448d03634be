package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.client.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench connect}: N authenticated idle sessions, logged in as a storm (all at once within
 * {@code --concurrency}) or a ramp ({@code --rate} per second). Reports the login rate and the server's
 * heap, direct memory and RSS per session (the server must run on this machine: its pid comes from
 * ports.json). With {@code --workers W} the sessions live in W child processes.
 */
@Command(name = "connect", mixinStandardHelpOptions = true, description = "Idle sessions: login rate and server memory per session.")
public final class ConnectScenario implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--sessions", defaultValue = "5000") int sessions;
  @Option(names = "--concurrency", defaultValue = "1000", description = "logins in flight at once (shared among workers)") int concurrency;
  @Option(names = "--mode", defaultValue = "storm", description = "storm: all at once; ramp: --rate new logins per second") String mode;
  @Option(names = "--rate", defaultValue = "1000", description = "ramp: logins per second in total") int rate;
  @Option(names = "--workers", defaultValue = "1", description = "client processes (1: in this process; at most 8)") int workers;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json") Path portsFile;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    if (!mode.equals("storm") && !mode.equals("ramp")) {
      throw new IllegalArgumentException("--mode must be storm or ramp");
    }
    if (workers > 8 || workers > sessions) {
      throw new IllegalArgumentException("--workers must be at most 8 and at most --sessions");
    }
    ServerProbe probe = ServerProbe.fromPortsFile(portsFile);
    String run = "idle" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    // Warm the server's paths so that the baseline includes loaded classes and JIT'd code.
    try (ParleyClient warm = target.client(run + "-warm").deviceId("bench").platform(Platform.LINUX).build()) {
      warm.connect().get(30, TimeUnit.SECONDS);
    }
    JsonNode m0 = probe.metricsAfterGc();
    long rss0 = probe.rssBytes();

    ConnectLoad local = null;
    Workers children = null;
    try {
      ConnectLoad.Logins logins;
      if (workers <= 1) {
        local = new ConnectLoad(target, null, run, 0, sessions);
        local.prepare();
        logins = local.login(mode, rate, concurrency);
      } else {
        children = Workers.launch(workerArgs(run));
        children.awaitReady(300);
        System.err.printf("%d workers ready; go%n", workers);
        children.go();
        logins = merge(children.awaitResults(400));
      }

      JsonNode m1 = probe.metricsAfterGc();
      long rss1 = probe.rssBytes();
      int online = probe.metrics().get("sessions").asInt();
      long heap0 = m0.get("heapUsedBytes").asLong();
      long heap1 = m1.get("heapUsedBytes").asLong();
      long direct0 = m0.path("directMemoryBytes").asLong(-1);
      long direct1 = m1.path("directMemoryBytes").asLong(-1);
      double loginSeconds = logins.seconds();

      ObjectNode report = Report.start("connect");
      report.put("sessions", sessions);
      report.put("mode", mode);
      report.put("rampRate", mode.equals("ramp") ? rate : 0);
      report.put("workers", Math.max(1, workers));
      report.put("syncPolicy", m1.path("syncPolicy").asText());
      report.put("serverJvmArgs", m1.path("jvmArgs").asText());
      report.put("failedLogins", logins.failed());
      report.put("serverSessionsOnline", online);
      report.put("loginSeconds", loginSeconds);
      report.put("loginsPerSecond", sessions / loginSeconds);
      report.set("loginLatency", Report.latency(logins.latency()));
      report.put("serverHeapPerSessionBytes", (heap1 - heap0) / (double) sessions);
      report.put("serverRssPerSessionBytes", rss0 < 0 ? -1 : (rss1 - rss0) / (double) sessions);
      report.put("serverDirectPerSessionBytes", direct0 < 0 || direct1 < 0 ? -1 : (direct1 - direct0) / (double) sessions);
      report.put("serverHeapBefore", heap0);
      report.put("serverHeapAfter", heap1);
      report.put("serverRssBefore", rss0);
      report.put("serverRssAfter", rss1);
      report.put("serverDirectBefore", direct0);
      report.put("serverDirectAfter", direct1);
      Path file = Report.write(out, report);
      System.out.printf("connect %s: %,d sessions logged in in %.2f s (%,.0f logins/s, %d failed); server online: %,d%n",
          mode.equals("ramp") ? "ramp " + rate + "/s" : "storm", sessions, loginSeconds, sessions / loginSeconds, logins.failed(), online);
      System.out.printf("  login p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", logins.latency().getValueAtPercentile(50) / 1e6,
          logins.latency().getValueAtPercentile(99) / 1e6, logins.latency().getMaxValue() / 1e6);
      System.out.printf("  server heap per idle session %.2f KiB (live, after full GC); RSS per session %.2f KiB; direct per session %.2f KiB%n",
          (heap1 - heap0) / 1024.0 / sessions, rss0 < 0 ? -1 : (rss1 - rss0) / 1024.0 / sessions,
          direct0 < 0 || direct1 < 0 ? -1 : (direct1 - direct0) / 1024.0 / sessions);
      System.out.println("  report: " + file);
    } finally {
      if (local != null) {
        local.close();
      }
      if (children != null) {
        children.close();
      }
    }
    return 0;
  }

  private List<List<String>> workerArgs(String run) {
    List<List<String>> args = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      List<String> a = new ArrayList<>(target.args());
      a.addAll(List.of("--scenario", "connect", "--local-address", Workers.sourceAddress(k), "--run", run,
          "--first", Integer.toString(Workers.firstOf(sessions, workers, k)),
          "--count", Integer.toString(Workers.share(sessions, workers, k)), "--mode", mode,
          "--rate", Integer.toString(Math.max(1, Workers.share(rate, workers, k))),
          "--concurrency", Integer.toString(Math.max(1, Workers.share(concurrency, workers, k)))));
      args.add(a);
    }
    return args;
  }

  /** The storm's wall time is the slowest worker's; failures and latencies add up. */
  private static ConnectLoad.Logins merge(List<JsonNode> results) {
    int n = 0;
    long failed = 0;
    double seconds = 0;
    List<Histogram> latency = new ArrayList<>();
    for (JsonNode r : results) {
      n += r.get("sessions").asInt();
      failed += r.get("failed").asLong();
      seconds = Math.max(seconds, r.get("seconds").asDouble());
      latency.add(HistogramCodec.decode(r.get("latency").asText()));
    }
    return new ConnectLoad.Logins(n, seconds, failed, HistogramCodec.merge(latency));
  }
}
