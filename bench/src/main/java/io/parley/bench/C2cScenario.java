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
 * {@code parley-bench c2c}: P sender/receiver pairs. Closed loop (each sender keeps K sends in
 * flight) measures peak throughput; {@code --rate} switches to an open loop at a fixed total rate,
 * whose latencies count from the intended send time (no coordinated omission). With {@code --workers W}
 * the pairs run in W child processes (a pair's sender and receiver in the same one) and the figures are merged.
 */
@Command(name = "c2c", mixinStandardHelpOptions = true, description = "One-to-one message load: throughput, send→ack and send→push latency.")
public final class C2cScenario implements Callable<Integer> {
  @Mixin Target target;
  @Mixin C2cOptions load;
  @Option(names = "--workers", defaultValue = "1", description = "client processes (1: in this process; at most 8)") int workers;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json", description = "the server's ports.json, for its metrics") Path portsFile;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    C2cLoad.Settings settings = load.settings();
    ServerProbe probe = ServerProbe.ifPresent(portsFile);
    C2cLoad.Result r = workers <= 1 ? C2cLoad.run(target, settings, probe) : inWorkers(settings, probe);

    ObjectNode report = Report.start("c2c");
    report.put("workers", Math.max(1, workers));
    r.writeTo(report);
    Path file = Report.write(out, report);
    Histogram push = r.push();
    Histogram ack = r.ack();
    System.out.printf("c2c %s: %,.0f msgs/s over %.1f s (%d pairs, sync %s)%n", load.mode(),
        r.messagesPerSecond(), r.seconds(), load.pairs, r.after() == null ? "?" : r.after().get("syncPolicy").asText());
    System.out.printf("  send→push p50 %.2f ms  p99 %.2f ms  p999 %.2f ms  max %.2f ms%n",
        push.getValueAtPercentile(50) / 1e6, push.getValueAtPercentile(99) / 1e6, push.getValueAtPercentile(99.9) / 1e6, push.getMaxValue() / 1e6);
    System.out.printf("  send→ack  p50 %.2f ms  p99 %.2f ms  p999 %.2f ms%n",
        ack.getValueAtPercentile(50) / 1e6, ack.getValueAtPercentile(99) / 1e6, ack.getValueAtPercentile(99.9) / 1e6);
    if (report.has("appendsPerBatch")) {
      System.out.printf("  store: %.1f messages per group commit%n", report.get("appendsPerBatch").asDouble());
    }
    System.out.println("  report: " + file);
    return 0;
  }

  /** Runs the pairs in child processes, each with its own source address, and merges what they measured. */
  private C2cLoad.Result inWorkers(C2cLoad.Settings settings, ServerProbe probe) throws Exception {
    if (workers > 8 || workers > load.pairs) {
      throw new IllegalArgumentException("--workers must be at most 8 and at most --pairs");
    }
    if (load.rate > 0 && load.rate < workers) {
      // A worker whose share of the rate is 0 would fall back to closed loop.
      throw new IllegalArgumentException("open loop needs --rate of at least --workers");
    }
    String run = C2cLoad.newRunId();
    List<List<String>> args = new ArrayList<>();
    for (int k = 0; k < workers; k++) {
      int share = Workers.share(load.pairs, workers, k);
      List<String> a = new ArrayList<>(target.args());
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
    }
    return new C2cLoad.Result(settings, count, seconds, failed, HistogramCodec.merge(push), HistogramCodec.merge(ack),
        perSecond, before, after);
  }
}
