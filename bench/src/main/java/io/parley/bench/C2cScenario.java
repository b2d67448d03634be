package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench c2c} (alias {@code ceiling}): P sender/receiver pairs, first against the raw relay in a child
 * process (the machine's ceiling; {@code --no-ceiling} skips it), then against Parley, with the same load. Closed loop
 * (each sender keeps K sends in flight) compares peak throughput; {@code --rate} switches to an open loop at a fixed
 * total rate, whose latencies count from the intended send time (no coordinated omission), and compares latency.
 * With {@code --workers W} the pairs run in W child processes (a pair's sender and receiver in the same one) and the
 * figures are merged.
 */
@Command(name = "c2c", aliases = "ceiling", mixinStandardHelpOptions = true,
    description = "One-to-one message load against the raw relay (the ceiling), then Parley: throughput, send→ack and"
        + " send→push latency, and Parley's share of the relay's figures. 'ceiling' is another name for it.")
public final class C2cScenario implements Callable<Integer> {
  @Mixin Target target;
  @Mixin C2cOptions load;
  @Mixin CeilingOptions ceiling;
  @Option(names = "--workers", defaultValue = "1", description = "client processes (1: in this process; at most 8)") int workers;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json", description = "the server's ports.json, for its metrics") Path portsFile;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    checkWorkers();
    C2cLoad.Settings settings = load.settings();
    ServerProbe probe = ServerProbe.ifPresent(portsFile);
    ObjectNode relayPhase = Json.MAPPER.createObjectNode();
    C2cLoad.Result relay = null;
    if (ceiling.enabled()) {
      System.err.println("== raw relay (child process)");
      try (RelayProcess r = ceiling.startRelay()) {
        r.describe(relayPhase);
        relay = run(target.tcp("127.0.0.1", r.port()), settings, null);
      }
    }
    System.err.println("== Parley at " + target.host + ":" + target.port);
    C2cLoad.Result parley = run(target, settings, probe);

    ObjectNode report = Report.start("c2c");
    report.put("workers", Math.max(1, workers));
    report.put("bodyBytes", load.size);
    report.put("syncPolicy", syncPolicy(parley));
    report.put("ceiling", relay == null ? CeilingOptions.SKIPPED : CeilingOptions.MEASURED);
    if (relay != null && load.rate > 0) {
      ObjectNode ratios = report.putObject("parleyToRelaySendToPush");
      for (double p : new double[] {50, 99, 99.9}) {
        Report.ratio(ratios, percentileName(p), parley.push().getValueAtPercentile(p), relay.push().getValueAtPercentile(p));
      }
    } else if (relay != null) {
      Report.ratio(report, "parleyToRelayThroughput", parley.messagesPerSecond(), relay.messagesPerSecond());
    }
    if (relay != null) {
      relay.writeTo(relayPhase);
      report.set("relay", relayPhase);
    }
    parley.writeTo(report.putObject("parley"));
    Path file = Report.write(out, report);
    summary(report, relay, parley, file);
    return 0;
  }

  private void summary(ObjectNode report, C2cLoad.Result relay, C2cLoad.Result parley, Path file) {
    System.out.printf("c2c %s: %d pairs, %d-byte bodies, %d s measured per target, %d worker%s; Parley's sync %s%n",
        load.mode(), load.pairs, load.size, load.duration, Math.max(1, workers), workers > 1 ? "s" : "", syncPolicy(parley));
    if (relay != null) {
      line("relay ", relay);
    }
    line("parley", parley);
    if (relay == null) {
      System.out.println("  ceiling: " + CeilingOptions.SKIPPED);
    } else if (load.rate > 0) {
      StringBuilder s = new StringBuilder("  parley vs relay, send→push at the same rate:");
      for (double p : new double[] {50, 99, 99.9}) {
        JsonNode ratio = report.at("/parleyToRelaySendToPush/" + percentileName(p));
        s.append(String.format("  %s %.2f vs %.2f ms (%s)", percentileName(p), parley.push().getValueAtPercentile(p) / 1e6,
            relay.push().getValueAtPercentile(p) / 1e6, ratio.isNumber() ? String.format("%.1f×", ratio.asDouble()) : "n/a"));
      }
      System.out.println(s);
    } else {
      JsonNode ratio = report.get("parleyToRelayThroughput");
      System.out.println(ratio.isNumber()
          ? String.format("  parley/relay: %.1f %% of the relay's msgs/s", ratio.asDouble() * 100)
          : "  parley/relay: n/a (the relay delivered nothing)");
    }
    JsonNode perBatch = report.at("/parley/appendsPerBatch");
    if (perBatch.isNumber()) {
      System.out.printf("  store: %.1f messages per group commit%n", perBatch.asDouble());
    }
    System.out.println("  report: " + file);
  }

  private static String percentileName(double p) {
    return p == 99.9 ? "p999" : "p" + (int) p;
  }

  private static String syncPolicy(C2cLoad.Result r) {
    return r.after() == null ? "?" : r.after().path("syncPolicy").asText("?");
  }

  private static void line(String name, C2cLoad.Result r) {
    Histogram p = r.push();
    Histogram a = r.ack();
    System.out.printf("  %s %,9.0f msgs/s  send→push p50 %.2f p99 %.2f p999 %.2f max %.2f ms  send→ack p50 %.2f p99 %.2f p999 %.2f ms%n",
        name, r.messagesPerSecond(), p.getValueAtPercentile(50) / 1e6, p.getValueAtPercentile(99) / 1e6,
        p.getValueAtPercentile(99.9) / 1e6, p.getMaxValue() / 1e6,
        a.getValueAtPercentile(50) / 1e6, a.getValueAtPercentile(99) / 1e6, a.getValueAtPercentile(99.9) / 1e6);
    if (r.settings().rate() > 0) {
      Histogram late = r.pacerLateness();
      System.out.printf("  %s pacer (load generator) late by p50 %.2f p99 %.2f ms: part of the latencies above%n",
          " ".repeat(name.length()), late.getValueAtPercentile(50) / 1e6, late.getValueAtPercentile(99) / 1e6);
    }
  }

  private void checkWorkers() {
    if (workers > 8 || workers > load.pairs) {
      throw new IllegalArgumentException("--workers must be at most 8 and at most --pairs");
    }
    if (workers > 1 && load.rate > 0 && load.rate < workers) {
      // A worker whose share of the rate is 0 would fall back to closed loop.
      throw new IllegalArgumentException("open loop needs --rate of at least --workers");
    }
  }

  /** The load against one target: in this process, or spread over the workers. */
  private C2cLoad.Result run(Target t, C2cLoad.Settings settings, ServerProbe probe) throws Exception {
    return workers <= 1 ? C2cLoad.run(t, settings, probe) : inWorkers(t, settings, probe);
  }

  /** Runs the pairs in child processes, each with its own source address, and merges what they measured. */
  private C2cLoad.Result inWorkers(Target t, C2cLoad.Settings settings, ServerProbe probe) throws Exception {
    String run = C2cLoad.newRunId();
    List<List<String>> args = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      int share = Workers.share(load.pairs, workers, k);
      List<String> a = new ArrayList<>(t.args());
      a.addAll(List.of("--scenario", "c2c", "--local-address", Workers.sourceAddress(k), "--run", run,
          "--first", Integer.toString(Workers.firstOf(load.pairs, workers, k)), "--count", Integer.toString(share),
          "--in-flight", Integer.toString(load.inFlight), "--rate", Integer.toString(Workers.share(load.rate, workers, k)),
          "--size", Integer.toString(load.size), "--warmup", Integer.toString(load.warmup), "--duration", Integer.toString(load.duration)));
      args.add(a);
    }
    try (Workers w = Workers.launch(args)) {
      w.awaitReady(300);
      System.err.printf("%d workers ready; go%n", workers);
      w.go();
      Thread.sleep(load.warmup * 1000L);
      JsonNode before = probe == null ? null : probe.metrics();
      List<JsonNode> results = w.awaitResults(load.duration + 120L);
      JsonNode after = probe == null ? null : probe.metrics();
      return merge(settings, results, before, after);
    }
  }

  /** Sums the workers' counts and histograms; the measured window is the longest of theirs. */
  static C2cLoad.Result merge(C2cLoad.Settings settings, List<JsonNode> results, JsonNode before, JsonNode after) {
    long count = 0;
    long failed = 0;
    double seconds = 0;
    long[] perSecond = new long[settings.duration()];
    List<Histogram> push = new ArrayList<>();
    List<Histogram> ack = new ArrayList<>();
    List<Histogram> pacer = new ArrayList<>();
    for (JsonNode n : results) {
      count += n.get("count").asLong();
      failed += n.get("failed").asLong();
      seconds = Math.max(seconds, n.get("seconds").asDouble());
      JsonNode ps = n.get("perSecond");
      for (int i = 0; i < perSecond.length && i < ps.size(); i++) {
        perSecond[i] += ps.get(i).asLong();
      }
      push.add(HistogramCodec.decode(n.get("push").asText()));
      ack.add(HistogramCodec.decode(n.get("ack").asText()));
      pacer.add(HistogramCodec.decode(n.get("pacer").asText()));
    }
    return new C2cLoad.Result(settings, count, seconds, failed, HistogramCodec.merge(push), HistogramCodec.merge(ack),
        HistogramCodec.merge(pacer), perSecond, before, after);
  }
}
