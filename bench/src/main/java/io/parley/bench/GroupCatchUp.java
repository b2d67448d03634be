package io.parley.bench;

import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.Platform;
import io.parley.client.ReceivedMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Offline members of the group scenario logging in, one at a time, each through a byte-counting proxy: how many bytes
 * the server sent each to catch up and how long it took, so that the cost of a catch-up can be set against the number
 * of messages waiting (one logs in before the messages, as the baseline). A member's catch-up ends once it has every
 * message expected and the server has then sent nothing more for {@link #QUIET_MS}.
 */
final class GroupCatchUp {
  /** How long the link must stay quiet after the last expected message for a catch-up to count as done. */
  static final long QUIET_MS = 500;

  /** One member's catch-up: messages of the group it got (distinct and in all), bytes the server sent, seconds. */
  record Member(String userId, long distinct, long deliveries, long bytes, double seconds) {}

  private final Target target;
  private final String groupId;

  GroupCatchUp(Target target, String groupId) {
    this.target = target;
    this.groupId = groupId;
  }

  /**
   * Logs each of {@code users} in (one after another), waits until it has {@code expected} distinct bench messages of
   * the group or {@code timeoutSeconds} pass, and closes it again.
   */
  List<Member> run(List<String> users, long expected, int timeoutSeconds) throws Exception {
    List<Member> out = new ArrayList<>();
    try (CutProxy proxy = new CutProxy(target.host, target.port)) {
      Target via = target.tcp("127.0.0.1", proxy.port());
      for (String user : users) {
        out.add(one(via, proxy, user, expected, timeoutSeconds));
      }
    }
    return out;
  }

  private Member one(Target via, CutProxy proxy, String user, long expected, int timeoutSeconds) throws Exception {
    Set<String> ids = new HashSet<>();
    long[] deliveries = new long[1];
    Object lock = new Object();
    long bytesBefore = proxy.bytesToClients();
    long t0 = System.nanoTime();
    ParleyClient c = via.client(user).deviceId("bench-catch-up").platform(Platform.LINUX)
        .listener(new ParleyListener() {
          @Override
          public void onMessage(ReceivedMessage m) {
            if (groupId.equals(m.groupId()) && m.cloudCustomData().startsWith(GroupReceivers.STAMP)) {
              synchronized (lock) {
                ids.add(m.clientMsgId());
                deliveries[0]++;
                lock.notifyAll();
              }
            }
          }
        }).build();
    try {
      c.connect().get(60, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
      synchronized (lock) {
        for (long left = deadline - System.nanoTime(); ids.size() < expected && left > 0;
            left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      for (long seen = -1; proxy.bytesToClients() != seen && System.nanoTime() < deadline; ) {
        seen = proxy.bytesToClients();
        Thread.sleep(QUIET_MS);
      }
      synchronized (lock) {
        return new Member(user, ids.size(), deliveries[0], proxy.bytesToClients() - bytesBefore, seconds);
      }
    } finally {
      c.close();
    }
  }
}
