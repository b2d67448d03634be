package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench offline-sync}: a sender leaves B messages for a user who is offline; the user
 * then logs in from a fresh device (last acked seq 0) and the clock runs from connect() until all B
 * have reached the listener, each seq 1..B once and in order.
 */
@Command(name = "offline-sync", mixinStandardHelpOptions = true, description = "Login with a backlog: time from connect() to having all B messages.")
public final class OfflineSyncScenario implements Callable<Integer> {
  private static final int IN_FLIGHT = 100;

  @Mixin Target target;
  @Option(names = "--backlog", defaultValue = "10000", description = "messages waiting at login (default ${DEFAULT-VALUE})") int backlog;
  @Option(names = "--size", defaultValue = "100", description = "message body bytes") int size;
  @Option(names = "--timeout", defaultValue = "120", description = "seconds allowed for each phase") int timeout;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  @Override
  public Integer call() throws Exception {
    String run = "sync" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    String from = run + "-s";
    String to = run + "-r";
    long fillNanos;
    long failed;
    try (ParleyClient sender = target.client(from).deviceId("bench").platform(Platform.LINUX).build()) {
      sender.connect().get(timeout, TimeUnit.SECONDS);
      System.err.printf("filling a backlog of %,d messages (%d in flight)%n", backlog, IN_FLIGHT);
      Semaphore window = new Semaphore(IN_FLIGHT);
      AtomicLong failures = new AtomicLong();
      long t0 = System.nanoTime();
      for (int i = 0; i < backlog; i++) {
        if (!window.tryAcquire(timeout, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no send answered in " + timeout + " s");
        }
        byte[] body = ByteBuffer.allocate(Math.max(4, size)).putInt(i).array();
        sender.send(to, "bench", body).whenComplete((r, e) -> {
          if (e != null) {
            failures.incrementAndGet();
          }
          window.release();
        });
      }
      if (!window.tryAcquire(IN_FLIGHT, timeout, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the last sends were not answered in " + timeout + " s");
      }
      fillNanos = System.nanoTime() - t0;
      failed = failures.get();
    }
    long expected = backlog - failed;

    Collector collector = new Collector(expected);
    long connectedNanos;
    long t0;
    boolean complete;
    try (ParleyClient receiver = target.client(to).deviceId("bench-fresh").platform(Platform.LINUX)
        .lastAckedSeq(0).listener(collector).build()) {
      t0 = System.nanoTime();
      receiver.connect().get(timeout, TimeUnit.SECONDS);
      connectedNanos = System.nanoTime() - t0;
      complete = collector.all.await(timeout, TimeUnit.SECONDS);
    }
    long syncNanos = (complete ? collector.lastAt : System.nanoTime()) - t0;
    boolean ok = complete && collector.outOfOrder.get() == 0 && collector.count.get() == expected;

    ObjectNode report = Report.start("offline-sync");
    report.put("backlog", backlog);
    report.put("bodyBytes", size);
    report.put("failedSends", failed);
    report.put("fillSeconds", fillNanos / 1e9);
    report.put("fillMessagesPerSecond", backlog / (fillNanos / 1e9));
    report.put("loginMs", connectedNanos / 1e6);
    report.put("firstMessageMs", collector.firstAt == 0 ? -1 : (collector.firstAt - t0) / 1e6);
    report.put("syncMs", syncNanos / 1e6);
    report.put("received", collector.count.get());
    report.put("outOfOrder", collector.outOfOrder.get());
    report.put("complete", complete);
    report.put("ok", ok);
    String ceiling = Report.noCeiling(report, "the raw relay stores nothing, so it has no backlog to sync");
    Path file = Report.write(out, report);
    System.out.printf("offline-sync: %,d backlog messages synced in %.1f ms from connect() (login %.1f ms, first message %.1f ms)%n",
        collector.count.get(), syncNanos / 1e6, connectedNanos / 1e6, report.get("firstMessageMs").asDouble());
    System.out.printf("  %s: %,d of %,d received, seq 1..%,d %s; %d failed sends%n", ok ? "ok" : "FAILED",
        collector.count.get(), expected, expected, collector.outOfOrder.get() == 0 ? "each once, in order" : collector.outOfOrder.get() + " out of order", failed);
    System.out.printf("  backlog filled in %.2f s (%,.0f msgs/s)%n", fillNanos / 1e9, backlog / (fillNanos / 1e9));
    System.out.println(ceiling);
    System.out.println("  report: " + file);
    return ok ? 0 : 1;
  }

  /** Checks that seqs arrive as 1, 2, 3, … and notes when the first and the last one came. */
  private static final class Collector implements ParleyListener {
    final long expected;
    final CountDownLatch all = new CountDownLatch(1);
    final AtomicLong count = new AtomicLong();
    final AtomicLong outOfOrder = new AtomicLong();
    volatile long firstAt;
    volatile long lastAt;

    Collector(long expected) {
      this.expected = expected;
      if (expected == 0) {
        all.countDown();
      }
    }

    @Override
    public void onMessage(ReceivedMessage m) {
      long n = count.incrementAndGet();
      if (n == 1) {
        firstAt = System.nanoTime();
      }
      if (m.seq() != n) {
        outOfOrder.incrementAndGet();
      }
      if (n == expected) {
        lastAt = System.nanoTime();
        all.countDown();
      }
    }
  }
}
