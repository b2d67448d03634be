package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.net.InetAddress;
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
      Histogram pacerLateness, long[] perSecond, JsonNode before, JsonNode after) {
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
      if (s.rate() > 0) {
        // How late the load generator itself issued the sends (already inside the latencies above).
        report.set("pacerLateness", Report.latency(pacerLateness));
      }
      ArrayNode timeline = report.putArray("timeline");
      for (int i = 0; i < perSecond.length; i++) {
        ObjectNode point = timeline.addObject();
        point.put("second", i + 1);
        point.put("messagesPerSecond", perSecond[i]);
      }
      if (after != null) {
        report.put("syncPolicy", after.get("syncPolicy").asText());
        report.put("serverJvmArgs", after.path("jvmArgs").asText());
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
  private final InetAddress localAddress;
  private final String run;
  private final int firstPair;
  private final List<ParleyClient> clients = new ArrayList<>();
  private final List<Sender> senders = new ArrayList<>();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
  private final Recorder pushLatency = new Recorder(3);
  private final Recorder ackLatency = new Recorder(3);
  private final Recorder pacerLateness = new Recorder(3);
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean running = true;

  /**
   * A load of {@code settings.pairs()} pairs named {@code run-s<i>}/{@code run-r<i>} from {@code firstPair}
   * on; {@code localAddress} (may be null) is the source address of its sockets.
   */
  C2cLoad(Target target, Settings settings, InetAddress localAddress, String run, int firstPair) {
    this.target = target;
    this.s = settings;
    this.localAddress = localAddress;
    this.run = run;
    this.firstPair = firstPair;
  }

  /** Connects the pairs, warms up, measures, and closes every client; {@code probe} may be null. */
  static Result run(Target target, Settings settings, ServerProbe probe) throws Exception {
    C2cLoad load = new C2cLoad(target, settings, null, newRunId(), 0);
    try {
      load.connect();
      load.start();
      load.warmUp();
      return load.measure(probe);
    } finally {
      load.close();
    }
  }

  /** A run id that keeps this run's users apart from earlier runs' on the same server. */
  static String newRunId() {
    return "c2c" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  }

  /** Builds and logs in every client; returns once all are connected. */
  void connect() throws Exception {
    for (int i = firstPair; i < firstPair + s.pairs(); i++) {
      String sn = run + "-s" + i;
      String rn = run + "-r" + i;
      ParleyClient receiver = builder(rn).listener(new Receiver(sn)).build();
      ParleyClient sender = builder(sn).build();
      clients.add(receiver);
      clients.add(sender);
      senders.add(new Sender(sender, rn));
    }
    CompletableFuture.allOf(clients.stream().map(ParleyClient::connect).toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
  }

  private ParleyClient.Builder builder(String user) {
    ParleyClient.Builder b = target.client(user).deviceId("bench").platform(Platform.LINUX);
    return localAddress == null ? b : b.localAddress(localAddress);
  }

  /** Starts the senders: paced in open loop, {@code inFlight} chains each in closed loop. */
  void start() {
    if (s.rate() > 0) {
      long periodNanos = 1_000_000_000L * s.pairs() / s.rate();
      long start = System.nanoTime();
      for (int i = 0; i < senders.size(); i++) {
        // Phases spread over the period: the offered load is an even stream, not every pair at the same instant.
        long offset = periodNanos * i / senders.size();
        senders.get(i).pace(start + offset, periodNanos);
        pacer.scheduleAtFixedRate(senders.get(i)::sendPaced, offset, periodNanos, TimeUnit.NANOSECONDS);
      }
    } else {
      senders.forEach(sender -> {
        for (int k = 0; k < s.inFlight(); k++) {
          sender.sendNext();
        }
      });
    }
  }

  /** Lets the load run unmeasured for the warmup seconds. */
  void warmUp() throws InterruptedException {
    System.err.printf("warming up %d s (%d pairs, %s)%n", s.warmup(), s.pairs(),
        s.rate() > 0 ? s.rate() + " msg/s open loop" : s.inFlight() + " in flight each");
    Thread.sleep(s.warmup() * 1000L);
  }

  /** Measures for the duration, one count per second; {@code probe} (may be null) gives the server's /metrics around it. */
  Result measure(ServerProbe probe) throws Exception {
    JsonNode before = probe == null ? null : probe.metrics();
    pushLatency.reset();
    ackLatency.reset();
    pacerLateness.reset();
    long startCount = received.get();
    long t0 = System.nanoTime();
    long[] perSecond = new long[s.duration()];
    long last = startCount;
    measuring = true;
    for (int sec = 1; sec <= s.duration(); sec++) {
      long wake = t0 + sec * 1_000_000_000L;
      for (long left = wake - System.nanoTime(); left > 0; left = wake - System.nanoTime()) {
        TimeUnit.NANOSECONDS.sleep(left);
      }
      long now = received.get();
      perSecond[sec - 1] = now - last;
      last = now;
      System.err.printf("  %2d s  %,d msgs/s so far%n", sec, (long) ((now - startCount) / ((System.nanoTime() - t0) / 1e9)));
    }
    measuring = false;
    long count = received.get() - startCount;
    double seconds = (System.nanoTime() - t0) / 1e9;
    JsonNode after = probe == null ? null : probe.metrics();
    return new Result(s, count, seconds, failed.get(), pushLatency.getIntervalHistogram(), ackLatency.getIntervalHistogram(),
        pacerLateness.getIntervalHistogram(),
        perSecond, before, after);
  }

  /** Stops sending and closes every client. */
  void close() {
    running = false;
    pacer.shutdownNow();
    clients.forEach(ParleyClient::close);
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
    /** Open loop: when the first paced send is due, the period, and how many were sent. */
    long firstDue;
    long period;
    long paced;

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

    void pace(long firstDue, long period) {
      this.firstDue = firstDue;
      this.period = period;
    }

    void sendPaced() {
      // Stamped with the time the send was due, not when the pacer got to it: a late pacer (a busy machine) shows
      // up as latency instead of being left out of it (no coordinated omission).
      long t = firstDue + paced++ * period;
      if (measuring) {
        pacerLateness.recordValue(Math.max(0, System.nanoTime() - t));
      }
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
