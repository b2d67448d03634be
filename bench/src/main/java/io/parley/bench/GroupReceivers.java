package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Recorder;

/**
 * A worker's share of the group scenario's online members ({@code <run>-m<i>}): logs them in, and for every bench
 * message of the group that reaches one records send→push latency, whether it came in group-seq order, and per
 * message how many members got it and when the last one did.
 */
final class GroupReceivers {
  /** The prefix of the cloud custom data that carries a bench message's intended send time (epoch ns). */
  static final String STAMP = "bench:";

  private final Target target;
  private final InetAddress localAddress;
  private final String run;
  private final int first;
  private final int count;
  private final String groupId;
  private final List<ParleyClient> clients = new ArrayList<>();
  private final AtomicLongArray got;
  private final AtomicLongArray lastSeq;
  private final Recorder push = new Recorder(3);
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicLong notInOrder = new AtomicLong();
  private final AtomicLong readOnPull = new AtomicLong();
  private final Map<String, GroupFigures.Arrivals> arrivals = new ConcurrentHashMap<>();

  GroupReceivers(Target target, InetAddress localAddress, String run, int first, int count, String groupId) {
    this.target = target;
    this.localAddress = localAddress;
    this.run = run;
    this.first = first;
    this.count = count;
    this.groupId = groupId;
    this.got = new AtomicLongArray(count);
    this.lastSeq = new AtomicLongArray(count);
  }

  /** Logs every member in, at most {@code concurrency} at a time; returns when all are. */
  void connect(int concurrency) throws Exception {
    List<CompletableFuture<?>> window = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int k = i;
      ParleyClient.Builder b = target.client(run + "-m" + (first + i)).deviceId("bench").platform(Platform.LINUX)
          .listener(new ParleyListener() {
            @Override
            public void onMessage(ReceivedMessage m) {
              received(k, m);
            }
          });
      ParleyClient c = (localAddress == null ? b : b.localAddress(localAddress)).build();
      clients.add(c);
      window.add(c.connect());
      if (window.size() >= concurrency) {
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        window.clear();
      }
      if ((i + 1) % 1000 == 0) {
        System.err.printf("  %,d members logged in%n", i + 1);
      }
    }
    CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
  }

  private void received(int member, ReceivedMessage m) {
    if (!groupId.equals(m.groupId()) || !m.cloudCustomData().startsWith(STAMP)) {
      return;
    }
    long now = GroupFigures.epochNanos();
    long sent = Long.parseLong(m.cloudCustomData().substring(STAMP.length()));
    push.recordValue(Math.max(0, now - sent));
    deliveries.incrementAndGet();
    if (m.seq() == 0) {
      readOnPull.incrementAndGet();
    }
    got.incrementAndGet(member);
    // One client's listener is called one message at a time: a plain read-then-write per member is enough.
    if (m.groupSeq() <= lastSeq.get(member)) {
      notInOrder.incrementAndGet(); // a duplicate or an older message after a newer one
    } else {
      lastSeq.set(member, m.groupSeq());
    }
    arrivals.merge(m.clientMsgId(), new GroupFigures.Arrivals(1, now), GroupFigures.Arrivals::plus);
  }

  /** Waits until every member has {@code expected} messages, or {@code timeoutSeconds} pass. */
  void awaitAll(long expected, int timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (complete(expected) < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private int complete(long expected) {
    int n = 0;
    for (int i = 0; i < count; i++) {
      if (got.get(i) >= expected) {
        n++;
      }
    }
    return n;
  }

  /** What this share measured, for the coordinator. */
  ObjectNode result(long expected) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("members", count);
    n.put("membersComplete", complete(expected));
    n.put("deliveries", deliveries.get());
    n.put("notInOrder", notInOrder.get());
    n.put("readOnPull", readOnPull.get());
    n.put("push", HistogramCodec.encode(push.getIntervalHistogram()));
    ObjectNode per = n.putObject("arrivals");
    arrivals.forEach((id, a) -> per.putArray(id).add(a.deliveries()).add(a.lastEpochNanos()));
    return n;
  }

  /** Closes every client. */
  void close() {
    clients.forEach(ParleyClient::close);
  }
}
