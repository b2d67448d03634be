package io.parley.bench;

import io.parley.client.ParleyClient;
import io.parley.client.Platform;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** A share of the connect scenario's sessions: builds its clients, logs them in (storm or ramp), holds them. */
final class ConnectLoad {
  /** What one login wave measured: wall time, failures and per-login latency. */
  record Logins(int sessions, double seconds, long failed, Histogram latency) {}

  private final Target target;
  private final InetAddress localAddress;
  private final String run;
  private final int first;
  private final int count;
  private final List<ParleyClient> clients = new ArrayList<>();

  ConnectLoad(Target target, InetAddress localAddress, String run, int first, int count) {
    this.target = target;
    this.localAddress = localAddress;
    this.run = run;
    this.first = first;
    this.count = count;
  }

  /**
   * Logs {@code sessions} throwaway sessions (users {@code <run>-warm-<first+i>}) in and out again, so that this JVM and
   * the server have compiled the login path before anything is measured.
   */
  void warmUp(int sessions, int concurrency) throws Exception {
    if (sessions <= 0) {
      return;
    }
    ConnectLoad warm = new ConnectLoad(target, localAddress, run + "-warm", first, sessions);
    try {
      warm.prepare();
      warm.login("storm", 0, concurrency);
    } finally {
      warm.close();
    }
  }

  /** Mints credentials and builds the clients, before the clock starts: the storm measures the server, not the signer. */
  void prepare() {
    for (int i = first; i < first + count; i++) {
      ParleyClient.Builder b = target.client(run + "-" + i).deviceId("bench").platform(Platform.LINUX);
      clients.add((localAddress == null ? b : b.localAddress(localAddress)).build());
    }
  }

  /**
   * Logs every client in: {@code storm} starts them as fast as {@code concurrency} allows, {@code ramp}
   * starts {@code rate} per second (still at most {@code concurrency} in flight).
   */
  Logins login(String mode, int rate, int concurrency) throws Exception {
    boolean ramp = "ramp".equals(mode);
    if (ramp && rate <= 0) {
      throw new IllegalArgumentException("ramp needs --rate > 0");
    }
    Semaphore window = new Semaphore(Math.max(1, concurrency));
    Recorder latency = new Recorder(3);
    AtomicLong failed = new AtomicLong();
    long t0 = System.nanoTime();
    List<CompletableFuture<?>> logins = new ArrayList<>(count);
    for (int i = 0; i < clients.size(); i++) {
      if (ramp) {
        long due = t0 + (long) (i * (1e9 / rate));
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
          LockSupport.parkNanos(left);
        }
      }
      if (!window.tryAcquire(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no login completed in 120 s");
      }
      long start = System.nanoTime();
      logins.add(clients.get(i).connect().whenComplete((r, e) -> {
        window.release();
        if (e != null) {
          failed.incrementAndGet();
        } else {
          latency.recordValue(System.nanoTime() - start);
        }
      }).exceptionally(e -> null));
      if ((i + 1) % 1000 == 0) {
        System.err.printf("  %,d sessions started%n", i + 1);
      }
    }
    CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Logins(count, seconds, failed.get(), latency.getIntervalHistogram());
  }

  /** Closes every client. */
  void close() {
    clients.forEach(ParleyClient::close);
  }
}
