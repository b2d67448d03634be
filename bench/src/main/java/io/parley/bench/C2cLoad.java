package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One c2c measurement against one target: P sender/receiver pairs, closed loop (K sends in flight
 * per sender) or open loop at a fixed total rate (latency from the intended send time).
 */
final class C2cLoad {
  /** What to run. */
  record Settings(int pairs, int inFlight, int rate, int size, int warmup, int duration) {
    String mode() {
      return rate > 0 ? "open" : "closed";
    }
  }

  /** What one run measured; {@code before}/{@code after} are the server's /metrics, or null without a probe. */
  record Result(Settings settings, long count, double seconds, long failed, Histogram push, Histogram ack,
      JsonNode before, JsonNode after) {
    double messagesPerSecond() {
      return count / seconds;
    }

    /** Adds the figures to a report, under the field names c2c has always used. */
    void writeTo(ObjectNode report) {
      Settings s = settings;
      report.put("pairs", s.pairs());
      report.put("mode", s.mode());
      report.put("inFlightPerSender", s.rate() > 0 ? 0 : s.inFlight());
      report.put("targetRate", s.rate());
      report.put("bodyBytes", s.size());
      report.put("seconds", seconds);
      report.put("messagesPerSecond", messagesPerSecond());
      report.put("failedSends", failed);
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
    }
  }

  private final Target target;
  private final Settings s;
  private final ServerProbe probe;
  private final Recorder pushLatency = new Recorder(3);
  private final Recorder ackLatency = new Recorder(3);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean running = true;

  private C2cLoad(Target target, Settings settings, ServerProbe probe) {
    this.target = target;
    this.s = settings;
    this.probe = probe;
  }

  /** Connects the pairs, warms up, measures, and closes every client; {@code probe} may be null. */
  static Result run(Target target, Settings settings, ServerProbe probe) throws Exception {
    return new C2cLoad(target, settings, probe).run();
  }

  private Result run() throws Exception {
    String run = "c2c" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    List<ParleyClient> clients = new ArrayList<>();
    List<Sender> senders = new ArrayList<>();
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < s.pairs(); i++) {
        String sn = run + "-s" + i;
        String rn = run + "-r" + i;
        ParleyClient receiver = target.client(rn).deviceId("bench").platform(Platform.LINUX).listener(new Receiver(sn)).build();
        ParleyClient sender = target.client(sn).deviceId("bench").platform(Platform.LINUX).build();
        clients.add(receiver);
        clients.add(sender);
        senders.add(new Sender(sender, rn));
      }
      CompletableFuture.allOf(clients.stream().map(ParleyClient::connect).toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      if (s.rate() > 0) {
        long periodNanos = 1_000_000_000L * s.pairs() / s.rate();
        for (Sender sender : senders) {
          pacer.scheduleAtFixedRate(sender::sendPaced, 0, periodNanos, TimeUnit.NANOSECONDS);
        }
      } else {
        senders.forEach(sender -> {
          for (int k = 0; k < s.inFlight(); k++) {
            sender.sendNext();
          }
        });
      }
      System.err.printf("warming up %d s (%d pairs, %s)%n", s.warmup(), s.pairs(),
          s.rate() > 0 ? s.rate() + " msg/s open loop" : s.inFlight() + " in flight each");
      Thread.sleep(s.warmup() * 1000L);
      JsonNode before = probe == null ? null : probe.metrics();
      pushLatency.reset();
      ackLatency.reset();
      long startCount = received.get();
      long t0 = System.nanoTime();
      measuring = true;
      for (int sec = 1; sec <= s.duration(); sec++) {
        Thread.sleep(1000);
        System.err.printf("  %2d s  %,d msgs/s so far%n", sec, (long) ((received.get() - startCount) / ((System.nanoTime() - t0) / 1e9)));
      }
      measuring = false;
      long count = received.get() - startCount;
      double seconds = (System.nanoTime() - t0) / 1e9;
      JsonNode after = probe == null ? null : probe.metrics();
      return new Result(s, count, seconds, failed.get(), pushLatency.getIntervalHistogram(), ackLatency.getIntervalHistogram(), before, after);
    } finally {
      running = false;
      pacer.shutdownNow();
      clients.forEach(ParleyClient::close);
    }
  }

  private byte[] body(long stampNanos) {
    ByteBuffer b = ByteBuffer.allocate(Math.max(8, s.size()));
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
        if (running) {
          failed.incrementAndGet();
        }
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
