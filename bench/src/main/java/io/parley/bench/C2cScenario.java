package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench c2c}: P sender/receiver pairs. Closed loop (each sender keeps K sends in
 * flight) measures peak throughput; {@code --rate} switches to an open loop at a fixed total rate,
 * whose latencies count from the intended send time (no coordinated omission).
 */
@Command(name = "c2c", mixinStandardHelpOptions = true, description = "One-to-one message load: throughput, send→ack and send→push latency.")
public final class C2cScenario implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--pairs", defaultValue = "50") int pairs;
  @Option(names = "--in-flight", defaultValue = "10", description = "closed loop: sends outstanding per sender") int inFlight;
  @Option(names = "--rate", defaultValue = "0", description = "open loop: total messages/s (0: closed loop)") int rate;
  @Option(names = "--size", defaultValue = "100", description = "message body bytes") int size;
  @Option(names = "--warmup", defaultValue = "5", description = "seconds before measuring") int warmup;
  @Option(names = "--duration", defaultValue = "20", description = "seconds measured") int duration;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json", description = "the server's ports.json, for its metrics") Path portsFile;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    C2cLoad.Settings settings = new C2cLoad.Settings(pairs, inFlight, rate, size, warmup, duration);
    C2cLoad.Result r = C2cLoad.run(target, settings, ServerProbe.ifPresent(portsFile));

    ObjectNode report = Report.start("c2c");
    r.writeTo(report);
    Path file = Report.write(out, report);
    Histogram push = r.push();
    Histogram ack = r.ack();
    System.out.printf("c2c %s: %,.0f msgs/s over %.1f s (%d pairs, sync %s)%n", rate > 0 ? "open " + rate + "/s" : "closed " + inFlight + " in flight",
        r.messagesPerSecond(), r.seconds(), pairs, r.after() == null ? "?" : r.after().get("syncPolicy").asText());
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
}
