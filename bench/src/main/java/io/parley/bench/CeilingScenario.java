package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley-bench ceiling}: the same c2c load against an in-process raw relay, then against Parley, and the ratio. */
@Command(name = "ceiling", mixinStandardHelpOptions = true,
    description = "c2c against the raw relay (started here) and then against the Parley server: msgs/s, latency and the ratio.")
public final class CeilingScenario implements Callable<Integer> {
  @Mixin Target target;
  @Mixin C2cOptions load;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json", description = "the server's ports.json, for its metrics") Path portsFile;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    C2cLoad.Settings settings = load.settings();
    C2cLoad.Result relay;
    System.err.println("== raw relay (in this process)");
    try (Relay r = Relay.start("127.0.0.1", 0)) {
      relay = C2cLoad.run(target.tcp("127.0.0.1", r.port()), settings, null);
    }
    System.err.println("== Parley at " + target.host + ":" + target.port);
    C2cLoad.Result parley = C2cLoad.run(target, settings, ServerProbe.ifPresent(portsFile));
    double ratio = parley.messagesPerSecond() / relay.messagesPerSecond();

    ObjectNode report = Report.start("ceiling");
    report.put("relayTransport", Relay.epoll() ? "epoll" : "nio");
    report.put("relayInProcess", true);
    report.put("parleyToRelayThroughput", ratio);
    ObjectNode rn = report.putObject("relay");
    relay.writeTo(rn);
    ObjectNode pn = report.putObject("parley");
    parley.writeTo(pn);
    Path file = Report.write(out, report);

    System.out.printf("ceiling (%d pairs, %s, %d-byte bodies, %d s each; relay in the bench process)%n", load.pairs,
        load.mode(), load.size, load.duration);
    line("relay ", relay);
    line("parley", parley);
    System.out.printf("  parley/relay: %.1f %% of the relay's msgs/s (sync %s)%n", ratio * 100,
        parley.after() == null ? "?" : parley.after().get("syncPolicy").asText());
    System.out.println("  report: " + file);
    return 0;
  }

  private static void line(String name, C2cLoad.Result r) {
    Histogram p = r.push();
    Histogram a = r.ack();
    System.out.printf("  %s %,9.0f msgs/s  send→push p50 %.2f p99 %.2f p999 %.2f ms  send→ack p50 %.2f p99 %.2f p999 %.2f ms%n",
        name, r.messagesPerSecond(), p.getValueAtPercentile(50) / 1e6, p.getValueAtPercentile(99) / 1e6, p.getValueAtPercentile(99.9) / 1e6,
        a.getValueAtPercentile(50) / 1e6, a.getValueAtPercentile(99) / 1e6, a.getValueAtPercentile(99.9) / 1e6);
  }
}
