package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
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

  private final Recorder pushLatency = new Recorder(3);
  private final Recorder ackLatency = new Recorder(3);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean running = true;

  @Override
  public Integer call() throws Exception {
    String run = "c2c" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    List<ParleyClient> clients = new ArrayList<>();
    List<Sender> senders = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      String s = run + "-s" + i;
      String r = run + "-r" + i;
      ParleyClient receiver = target.client(r).deviceId("bench").platform(Platform.LINUX).listener(new Receiver(s)).build();
      ParleyClient sender = target.client(s).deviceId("bench").platform(Platform.LINUX).build();
      clients.add(receiver);
      clients.add(sender);
      senders.add(new Sender(sender, r));
    }
    CompletableFuture.allOf(clients.stream().map(ParleyClient::connect).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    ServerProbe probe = portsFile.toFile().exists() ? ServerProbe.fromPortsFile(portsFile) : null;

    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    if (rate > 0) {
      long periodNanos = 1_000_000_000L * pairs / rate;
      for (Sender s : senders) {
        pacer.scheduleAtFixedRate(s::sendPaced, 0, periodNanos, TimeUnit.NANOSECONDS);
      }
    } else {
      senders.forEach(s -> {
        for (int k = 0; k < inFlight; k++) {
          s.sendNext();
        }
      });
    }
    System.err.printf("warming up %d s (%d pairs, %s)%n", warmup, pairs, rate > 0 ? rate + " msg/s open loop" : inFlight + " in flight each");
    Thread.sleep(warmup * 1000L);
    JsonNode before = probe == null ? null : probe.metrics();
    pushLatency.reset();
    ackLatency.reset();
    long startCount = received.get();
    long t0 = System.nanoTime();
    measuring = true;
    for (int s = 1; s <= duration; s++) {
      Thread.sleep(1000);
      System.err.printf("  %2d s  %,d msgs/s so far%n", s, (long) ((received.get() - startCount) / ((System.nanoTime() - t0) / 1e9)));
    }
    measuring = false;
    long count = received.get() - startCount;
    double seconds = (System.nanoTime() - t0) / 1e9;
    JsonNode after = probe == null ? null : probe.metrics();
    running = false;
    pacer.shutdownNow();
    Histogram push = pushLatency.getIntervalHistogram();
    Histogram ack = ackLatency.getIntervalHistogram();

    ObjectNode report = Report.start("c2c");
    report.put("pairs", pairs);
    report.put("mode", rate > 0 ? "open" : "closed");
    report.put("inFlightPerSender", rate > 0 ? 0 : inFlight);
    report.put("targetRate", rate);
    report.put("bodyBytes", size);
    report.put("seconds", seconds);
    report.put("messagesPerSecond", count / seconds);
    report.put("failedSends", failed.get());
    report.set("sendToPush", Report.latency(push));
    report.set("sendToAck", Report.latency(ack));
    if (after != null) {
      report.put("syncPolicy", after.get("syncPolicy").asText());
      long appends = after.at("/store/appends").asLong() - before.at("/store/appends").asLong();
      long batches = after.at("/store/batches").asLong() - before.at("/store/batches").asLong();
      report.put("storeAppends", appends);
      report.put("storeBatches", batches);
      report.put("appendsPerBatch", batches == 0 ? 0 : (double) appends / batches);
    }
    Path file = Report.write(out, report);
    System.out.printf("c2c %s: %,.0f msgs/s over %.1f s (%d pairs, sync %s)%n", rate > 0 ? "open " + rate + "/s" : "closed " + inFlight + " in flight",
        count / seconds, seconds, pairs, after == null ? "?" : after.get("syncPolicy").asText());
    System.out.printf("  send→push p50 %.2f ms  p99 %.2f ms  p999 %.2f ms  max %.2f ms%n",
        push.getValueAtPercentile(50) / 1e6, push.getValueAtPercentile(99) / 1e6, push.getValueAtPercentile(99.9) / 1e6, push.getMaxValue() / 1e6);
    System.out.printf("  send→ack  p50 %.2f ms  p99 %.2f ms  p999 %.2f ms%n",
        ack.getValueAtPercentile(50) / 1e6, ack.getValueAtPercentile(99) / 1e6, ack.getValueAtPercentile(99.9) / 1e6);
    if (report.has("appendsPerBatch")) {
      System.out.printf("  store: %.1f messages per group commit%n", report.get("appendsPerBatch").asDouble());
    }
    System.out.println("  report: " + file);
    clients.forEach(ParleyClient::close);
    return 0;
  }

  private byte[] body(long stampNanos) {
    ByteBuffer b = ByteBuffer.allocate(Math.max(8, size));
    b.putLong(stampNanos);
    return b.array();
  }

  /** Keeps its sends going: closed loop chains the next send to each ack. */
  private final class Sender {
    final ParleyClient client;
    final String to;

    Sender(ParleyClient client, String to) {
      this.client = client;
      this.to = to;
    }

    void sendNext() {
      if (!running) {
        return;
      }
      long t = System.nanoTime();
      client.send(to, "bench", body(t)).whenComplete((r, e) -> {
        record(t, e);
        sendNext();
      });
    }

    void sendPaced() {
      // The intended time is now: a late schedule shows up as latency, as it should.
      long t = System.nanoTime();
      client.send(to, "bench", body(t)).whenComplete((r, e) -> record(t, e));
    }

    void record(long t, Throwable e) {
      if (e != null) {
        failed.incrementAndGet();
      } else if (measuring) {
        ackLatency.recordValue(System.nanoTime() - t);
      }
    }
  }

  /** Measures send→push from the timestamp the sender put in the body. */
  private final class Receiver implements ParleyListener {
    final String from;

    Receiver(String from) {
      this.from = from;
    }

    @Override
    public void onMessage(ReceivedMessage m) {
      if (m.fromUserId().equals(from) && m.content().length >= 8) {
        long sent = ByteBuffer.wrap(m.content()).getLong();
        received.incrementAndGet();
        if (measuring) {
          pushLatency.recordValue(Math.max(0, System.nanoTime() - sent));
        }
      }
    }
  }
}
