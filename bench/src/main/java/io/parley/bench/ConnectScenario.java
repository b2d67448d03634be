package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench connect}: N idle sessions, logged in as a storm (all at once within {@code --concurrency}) or
 * a ramp ({@code --rate} per second), first to the raw relay in a child process (the machine's ceiling; {@code
 * --no-ceiling} skips it), then to Parley. Reports each one's login rate and RSS per session, Parley's heap and direct
 * memory per session, and Parley's share of the relay's figures (the server must run on this machine: its pid comes
 * from ports.json). With {@code --workers W} the sessions live in W child processes.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
    description = "Idle sessions against the raw relay (the ceiling), then Parley: login rate and memory per session.")
public final class ConnectScenario implements Callable<Integer> {
  @Mixin Target target;
  @Mixin CeilingOptions ceiling;
  @Option(names = "--sessions", defaultValue = "5000") int sessions;
  @Option(names = "--concurrency", defaultValue = "1000", description = "logins in flight at once (shared among workers)") int concurrency;
  @Option(names = "--mode", defaultValue = "storm", description = "storm: all at once; ramp: --rate new logins per second") String mode;
  @Option(names = "--rate", defaultValue = "1000", description = "ramp: logins per second in total") int rate;
  @Option(names = "--workers", defaultValue = "1", description = "client processes (1: in this process; at most 8)") int workers;
  @Option(names = "--warmup-sessions", defaultValue = "5000",
      description = "sessions the client processes log in and out before the measured wave (at most --sessions), so that it"
          + " meets compiled code on both sides")
  int warmupSessions;
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
    SessionWave.Plan plan = new SessionWave.Plan(sessions, mode, rate, concurrency, workers, warmup());
    String run = "idle" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    ObjectNode relay = null;
    if (ceiling.enabled()) {
      System.err.println("== raw relay (child process)");
      relay = relayPhase(run + "r", plan);
    }
    System.err.println("== Parley at " + target.host + ":" + target.port);
    ObjectNode parley = parleyPhase(probe, run, plan);

    ObjectNode report = Report.start("connect");
    report.put("sessions", sessions);
    report.put("mode", mode);
    report.put("rampRate", mode.equals("ramp") ? rate : 0);
    report.put("concurrency", concurrency);
    report.put("warmupSessions", warmup());
    report.put("workers", Math.max(1, workers));
    report.put("syncPolicy", parley.path("syncPolicy").asText());
    report.put("ceiling", relay == null ? CeilingOptions.SKIPPED : CeilingOptions.MEASURED);
    if (relay != null) {
      Report.ratio(report, "parleyToRelayLoginRate", parley.get("loginsPerSecond").asDouble(), relay.get("loginsPerSecond").asDouble());
      Report.ratio(report, "parleyToRelayRssPerSession", parley.get("rssPerSessionBytes").asDouble(),
          relay.get("rssPerSessionBytes").asDouble());
      report.set("relay", relay);
    }
    report.set("parley", parley);
    Path file = Report.write(out, report);
    summary(report, file);
    return 0;
  }

  /** The sessions against a relay child: its login rate and its RSS per session (after a full GC, like Parley's). */
  private ObjectNode relayPhase(String run, SessionWave.Plan plan) throws Exception {
    ObjectNode n = Json.MAPPER.createObjectNode();
    try (RelayProcess relay = ceiling.startRelay()) {
      relay.describe(n);
      Target t = target.tcp("127.0.0.1", relay.port());
      LocalJvm jvm = relay.jvm();
      long[] rss0 = new long[1];
      try (SessionWave wave = SessionWave.login(t, run, plan, () -> {
        jvm.fullGc();
        rss0[0] = jvm.settledRssBytes();
      })) {
        jvm.fullGc();
        long rss1 = jvm.settledRssBytes();
        logins(n, wave.logins());
        n.put("rssPerSessionBytes", perSession(rss0[0], rss1));
        n.put("rssBefore", rss0[0]);
        n.put("rssAfter", rss1);
      }
    }
    return n;
  }

  /** The sessions against Parley: login rate, and heap (live, after a full GC), RSS and direct memory per session. */
  private ObjectNode parleyPhase(ServerProbe probe, String run, SessionWave.Plan plan) throws Exception {
    JsonNode[] m = new JsonNode[1];
    long[] rss = new long[1];
    try (SessionWave wave = SessionWave.login(target, run, plan, () -> {
      m[0] = probe.metricsAfterGc();
      rss[0] = probe.settledRssBytes();
    })) {
      JsonNode m0 = m[0];
      long rss0 = rss[0];
      JsonNode m1 = probe.metricsAfterGc();
      long rss1 = probe.settledRssBytes();
      long heap0 = m0.get("heapUsedBytes").asLong();
      long heap1 = m1.get("heapUsedBytes").asLong();
      long direct0 = m0.path("directMemoryBytes").asLong(-1);
      long direct1 = m1.path("directMemoryBytes").asLong(-1);
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("syncPolicy", m1.path("syncPolicy").asText());
      n.put("serverJvmArgs", m1.path("jvmArgs").asText());
      n.put("sessionsOnline", probe.metrics().get("sessions").asInt());
      logins(n, wave.logins());
      n.put("rssPerSessionBytes", perSession(rss0, rss1));
      n.put("heapPerSessionBytes", perSession(heap0, heap1));
      n.put("directPerSessionBytes", perSession(direct0, direct1));
      n.put("rssBefore", rss0);
      n.put("rssAfter", rss1);
      n.put("heapBefore", heap0);
      n.put("heapAfter", heap1);
      n.put("directBefore", direct0);
      n.put("directAfter", direct1);
      return n;
    }
  }

  /** Warm-up sessions: at most as many as the measured wave, at least one. */
  private int warmup() {
    return Math.max(1, Math.min(warmupSessions, sessions));
  }

  private static void logins(ObjectNode n, ConnectLoad.Logins l) {
    n.put("failedLogins", l.failed());
    n.put("loginSeconds", l.seconds());
    n.put("loginsPerSecond", l.sessions() / l.seconds());
    n.set("loginLatency", Report.latency(l.latency()));
  }

  /** Bytes per session between two readings, or -1 when either was not available. */
  private double perSession(long before, long after) {
    return before < 0 || after < 0 ? -1 : (after - before) / (double) sessions;
  }

  private void summary(ObjectNode report, Path file) {
    System.out.printf("connect %s: %,d sessions, %d worker%s; Parley's sync %s%n",
        mode.equals("ramp") ? "ramp " + rate + "/s" : "storm", sessions, Math.max(1, workers), workers > 1 ? "s" : "",
        report.get("syncPolicy").asText());
    JsonNode relay = report.get("relay");
    JsonNode parley = report.get("parley");
    if (relay != null) {
      System.out.println(line("relay ", relay));
    }
    System.out.printf("%s; heap %s (live, after full GC), direct %s; %,d online%n", line("parley", parley),
        kib(parley.get("heapPerSessionBytes").asDouble()), kib(parley.get("directPerSessionBytes").asDouble()),
        parley.get("sessionsOnline").asInt());
    if (relay == null) {
      System.out.println("  ceiling: " + CeilingOptions.SKIPPED);
    } else {
      JsonNode logins = report.get("parleyToRelayLoginRate");
      JsonNode rss = report.get("parleyToRelayRssPerSession");
      System.out.printf("  parley/relay: %s of the relay's logins/s; %s%n",
          logins.isNumber() ? String.format("%.1f %%", logins.asDouble() * 100) : "n/a",
          rss.isNumber() ? String.format("RSS per session %.1f× the relay's", rss.asDouble())
              : "no RSS ratio (the relay's RSS did not grow measurably: use more sessions)");
    }
    System.out.println("  report: " + file);
  }

  private static String line(String name, JsonNode phase) {
    JsonNode l = phase.get("loginLatency");
    return String.format("  %s %,8.0f logins/s (%.2f s, %d failed)  login p50 %.2f p99 %.2f max %.2f ms  RSS per session %s",
        name, phase.get("loginsPerSecond").asDouble(), phase.get("loginSeconds").asDouble(), phase.get("failedLogins").asLong(),
        l.get("p50_ms").asDouble(), l.get("p99_ms").asDouble(), l.get("max_ms").asDouble(),
        kib(phase.get("rssPerSessionBytes").asDouble()));
  }

  private static String kib(double bytes) {
    return bytes == -1 ? "n/a" : String.format("%.2f KiB", bytes / 1024);
  }
}
