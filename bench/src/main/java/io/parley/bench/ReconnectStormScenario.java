package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley-bench reconnect-storm}: N sessions (N/2 pairs) reach the server through an
 * in-process proxy; while every sender is sending its M messages, the proxy cuts every link at
 * once. Reports how long until every session is logged in again, and checks that each receiver
 * got its sender's M messages exactly once and in order.
 */
@Command(name = "reconnect-storm", mixinStandardHelpOptions = true,
    description = "Every session dropped at once mid-traffic: time until all are back; every message once and in order.")
public final class ReconnectStormScenario implements Callable<Integer> {
  @Mixin Target target;
  @Option(names = "--sessions", defaultValue = "1000", description = "sessions, half senders and half receivers (default ${DEFAULT-VALUE})") int sessions;
  @Option(names = "--messages", defaultValue = "20", description = "messages per sender (default ${DEFAULT-VALUE})") int messages;
  @Option(names = "--interval-ms", defaultValue = "50", description = "pause between a sender's messages") int intervalMs;
  @Option(names = "--timeout", defaultValue = "120", description = "seconds allowed for each phase") int timeout;
  @Option(names = "--out", defaultValue = "bench-results") Path out;

  private final AtomicInteger back = new AtomicInteger();
  private volatile boolean cut;
  private volatile long allBackAt;

  @Override
  public Integer call() throws Exception {
    int pairs = Math.max(1, sessions / 2);
    String run = "storm" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    List<ParleyClient> clients = new ArrayList<>(pairs * 2);
    List<ParleyClient> senders = new ArrayList<>(pairs);
    List<Receiver> receivers = new ArrayList<>(pairs);
    List<String> to = new ArrayList<>(pairs);
    try (CutProxy proxy = new CutProxy(target.host, target.port)) {
      Target via = target.tcp("127.0.0.1", proxy.port());
      try {
        for (int i = 0; i < pairs; i++) {
          String s = run + "-s" + i;
          String r = run + "-r" + i;
          Receiver receiver = new Receiver(s);
          receivers.add(receiver);
          to.add(r);
          clients.add(via.client(r).deviceId("bench").platform(Platform.LINUX).listener(receiver).build());
          ParleyClient sender = via.client(s).deviceId("bench").platform(Platform.LINUX).listener(new Watch()).build();
          senders.add(sender);
          clients.add(sender);
        }
        System.err.printf("connecting %,d sessions through the proxy%n", clients.size());
        CompletableFuture.allOf(clients.stream().map(ParleyClient::connect).toArray(CompletableFuture[]::new)).get(timeout, TimeUnit.SECONDS);

        List<CompletableFuture<?>> sends = new ArrayList<>(pairs * messages);
        AtomicLong failed = new AtomicLong();
        long cutNanos = 0;
        int linksCut = 0;
        for (int m = 0; m < messages; m++) {
          if (m == messages / 2) {
            cut = true;
            cutNanos = System.nanoTime();
            linksCut = proxy.cutAll();
            System.err.printf("cut %,d links after %d of %d messages per sender%n", linksCut, m, messages);
          }
          byte[] body = ByteBuffer.allocate(4).putInt(m).array();
          for (int i = 0; i < pairs; i++) {
            sends.add(senders.get(i).send(to.get(i), "bench", body).whenComplete((r, e) -> {
              if (e != null) {
                failed.incrementAndGet();
              }
            }));
          }
          Thread.sleep(intervalMs);
        }
        boolean allBack = waitUntil(() -> back.get() >= clients.size(), cutNanos);
        double backMs = allBack ? (allBackAt - cutNanos) / 1e6 : -1;
        boolean acked = waitUntil(() -> sends.stream().allMatch(CompletableFuture::isDone), cutNanos);
        boolean delivered = waitUntil(() -> receivers.stream().allMatch(r -> r.next >= messages || r.bad.get() > 0), cutNanos);
        double doneMs = (System.nanoTime() - cutNanos) / 1e6;

        long complete = receivers.stream().filter(r -> r.next == messages && r.bad.get() == 0).count();
        long bad = receivers.stream().mapToLong(r -> r.bad.get()).sum();
        boolean ok = allBack && acked && delivered && bad == 0 && failed.get() == 0 && complete == pairs;

        ObjectNode report = Report.start("reconnect-storm");
        report.put("sessions", clients.size());
        report.put("messagesPerSender", messages);
        report.put("intervalMs", intervalMs);
        report.put("linksCut", linksCut);
        report.put("allBackMs", backMs);
        report.put("sessionsBack", back.get());
        report.put("allDeliveredMs", delivered ? doneMs : -1);
        report.put("failedSends", failed.get());
        report.put("receiversComplete", complete);
        report.put("duplicatesOrOutOfOrder", bad);
        report.put("ok", ok);
        String ceiling = Report.noCeiling(report,
            "the raw relay keeps no timelines, so after a reconnect it has nothing to resume or check");
        Path file = Report.write(out, report);
        System.out.printf("reconnect-storm: %,d sessions cut at once (%,d proxy links); all logged in again after %.1f ms%n",
            clients.size(), linksCut, backMs);
        System.out.printf("  %s: %,d of %,d receivers got all %d messages once and in order; %d duplicate or out-of-order, %d failed sends%n",
            ok ? "ok" : "FAILED", complete, pairs, messages, bad, failed.get());
        System.out.printf("  every message delivered %.1f ms after the cut%n", doneMs);
        System.out.println(ceiling);
        System.out.println("  report: " + file);
        return ok ? 0 : 1;
      } finally {
        clients.forEach(ParleyClient::close);
      }
    }
  }

  private boolean waitUntil(java.util.function.BooleanSupplier done, long sinceNanos) throws InterruptedException {
    long deadline = sinceNanos + TimeUnit.SECONDS.toNanos(timeout);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  private void onLogin() {
    if (cut && back.incrementAndGet() == sessionsTotal()) {
      allBackAt = System.nanoTime();
    }
  }

  private int sessionsTotal() {
    return Math.max(1, sessions / 2) * 2;
  }

  /** Counts a session's first login after the cut. */
  private class Watch implements ParleyListener {
    private boolean counted;

    @Override
    public void onConnected(LoginInfo info) {
      if (cut && !counted) {
        counted = true;
        onLogin();
      }
    }
  }

  /** Expects its sender's messages 0, 1, 2, … exactly in that order. */
  private final class Receiver extends Watch {
    final String from;
    final AtomicLong bad = new AtomicLong();
    volatile int next;

    Receiver(String from) {
      this.from = from;
    }

    @Override
    public void onMessage(ReceivedMessage m) {
      if (!m.fromUserId().equals(from) || m.content().length < 4) {
        return;
      }
      int i = ByteBuffer.wrap(m.content()).getInt();
      if (i == next) {
        next = i + 1;
      } else {
        bad.incrementAndGet();
      }
    }
  }
}
