package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.client.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench connect}: N authenticated idle sessions. Reports the login rate and the
 * server's heap and RSS per session (the server must run on this machine: its pid comes from ports.json).
 */
@Command(name = "connect", mixinStandardHelpOptions = true, description = "Idle sessions: login rate and server memory per session.")
public final class ConnectScenario implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--sessions", defaultValue = "5000") int sessions;
  @Option(names = "--concurrency", defaultValue = "1000", description = "logins in flight at once") int concurrency;
  @Option(names = "--ports-file", defaultValue = "parley-data/ports.json") Path portsFile;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    ServerProbe probe = ServerProbe.fromPortsFile(portsFile);
    String run = "idle" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    // Warm the server's paths so that the baseline includes loaded classes and JIT'd code.
    try (ParleyClient warm = target.client(run + "-warm").deviceId("bench").platform(Platform.LINUX).build()) {
      warm.connect().get(30, TimeUnit.SECONDS);
    }
    long heap0 = probe.heapUsedAfterGc();
    long rss0 = probe.rssBytes();

    // Credentials are minted before the clock starts: the storm measures the server, not the signer.
    List<ParleyClient> clients = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) {
      clients.add(target.client(run + "-" + i).deviceId("bench").platform(Platform.LINUX).build());
    }
    Semaphore window = new Semaphore(concurrency);
    long t0 = System.nanoTime();
    List<CompletableFuture<?>> logins = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) {
      window.acquire();
      logins.add(clients.get(i).connect().whenComplete((r, e) -> window.release()));
      if ((i + 1) % 1000 == 0) {
        System.err.printf("  %,d sessions started%n", i + 1);
      }
    }
    CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
    double loginSeconds = (System.nanoTime() - t0) / 1e9;

    long heap1 = probe.heapUsedAfterGc();
    long rss1 = probe.rssBytes();
    int online = probe.metrics().get("sessions").asInt();

    ObjectNode report = Report.start("connect");
    report.put("sessions", sessions);
    report.put("serverSessionsOnline", online);
    report.put("loginSeconds", loginSeconds);
    report.put("loginsPerSecond", sessions / loginSeconds);
    report.put("serverHeapPerSessionBytes", (heap1 - heap0) / (double) sessions);
    report.put("serverRssPerSessionBytes", rss0 < 0 ? -1 : (rss1 - rss0) / (double) sessions);
    report.put("serverHeapBefore", heap0);
    report.put("serverHeapAfter", heap1);
    report.put("serverRssBefore", rss0);
    report.put("serverRssAfter", rss1);
    Path file = Report.write(out, report);
    System.out.printf("connect: %,d sessions logged in in %.2f s (%,.0f logins/s); server online: %,d%n",
        sessions, loginSeconds, sessions / loginSeconds, online);
    System.out.printf("  server heap per idle session %.2f KiB (live, after full GC); RSS per session %.2f KiB%n",
        (heap1 - heap0) / 1024.0 / sessions, rss0 < 0 ? -1 : (rss1 - rss0) / 1024.0 / sessions);
    System.out.println("  report: " + file);
    clients.forEach(ParleyClient::close);
    return 0;
  }
}
