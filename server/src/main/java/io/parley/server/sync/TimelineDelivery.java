package io.parley.server.sync;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Error;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.metrics.RateLimitedLog;
import io.parley.server.session.Delivery;
import io.parley.server.session.Farewell;
import io.parley.server.session.UserKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers one device's timeline in seq order, gap-free: first the backlog read from the store in
 * bounded pages, then live entries as they commit. Live entries are pushed straight through only
 * while the device is caught up and its channel is writable; otherwise they are dropped here and
 * read back from the store once the channel drains, so a slow device never grows the heap.
 *
 * <p>A delivery is offered commits from the moment its session is registered, which is before the login reads the
 * newest seq: a commit racing the login is either offered here (and remembered until {@link #start}) or already
 * counted in that seq. All state is confined to the channel's event loop; {@link #offer} may be called from any
 * thread.
 */
public final class TimelineDelivery implements Delivery {
  /** Pages read from the store instead of pushed live, over every session: a backlog, a gap or a slow reader. */
  private static final java.util.concurrent.atomic.LongAdder STORE_READS = new java.util.concurrent.atomic.LongAdder();

  /** How many timeline pages all deliveries have read from the store so far (for /metrics). */
  public static long storeReads() {
    return STORE_READS.sum();
  }

  private final Channel channel;
  private final EventLoop loop;
  private final UserKey user;
  private final TimelineSource source;
  private final Executor readExecutor;
  private final int pageSize;
  private final RateLimitedLog failures;

  private long delivered;   // highest seq written to the channel
  private long newestKnown; // highest seq known to exist
  private boolean live;
  private boolean reading;
  private boolean started;
  private long commitsSeen; // entries offered so far; tells whether any arrived during a read
  /** Group hints not yet written: newest seq per group. Filled from any thread, drained on the loop. */
  private final ConcurrentHashMap<String, Long> hints = new ConcurrentHashMap<>();
  private final AtomicBoolean hintFlushQueued = new AtomicBoolean();

  public TimelineDelivery(Channel channel, UserKey user, TimelineSource source, Executor readExecutor, int pageSize,
      RateLimitedLog failures) {
    this.channel = channel;
    this.failures = failures;
    this.loop = channel.eventLoop();
    this.user = user;
    this.source = source;
    this.readExecutor = readExecutor;
    this.pageSize = pageSize;
  }

  /** Starts delivery after {@code afterSeq}; the store holds entries up to at least {@code newestSeq}. On the loop. */
  @Override
  public void start(long afterSeq, long newestSeq) {
    if (afterSeq < 0) {
      throw new IllegalArgumentException("afterSeq must not be negative: " + afterSeq);
    }
    started = true;
    delivered = afterSeq;
    newestKnown = Math.max(newestKnown, Math.max(newestSeq, afterSeq)); // commits offered before start count too
    catchUp();
    flushHints();
  }

  /** Hands over newly committed entries of this user, ascending. Any thread. */
  @Override
  public void offer(List<TimelineEntry> entries) {
    loop.execute(() -> onCommitted(entries));
  }

  @Override
  public void hintGroup(String groupId, long groupSeq) {
    hints.merge(groupId, groupSeq, Math::max);
    if (hintFlushQueued.compareAndSet(false, true)) {
      loop.execute(this::flushHints);
    }
  }

  @Override
  public void offerTransient(TimelineEntry entry) {
    loop.execute(() -> {
      if (started && channel.isActive() && channel.isWritable()) {
        channel.writeAndFlush(Frame.newBuilder().setPush(Push.newBuilder().addEntries(entry)
            .setNewestSeq(Math.max(newestKnown, delivered))).build(), channel.voidPromise());
      }
    });
  }

  /** Writes the pending group hints as one push; before the login's answer they wait (start flushes them). */
  private void flushHints() {
    hintFlushQueued.set(false);
    if (!started || !channel.isActive() || hints.isEmpty()) {
      return;
    }
    Push.Builder push = Push.newBuilder().setNewestSeq(Math.max(newestKnown, delivered));
    for (String group : List.copyOf(hints.keySet())) {
      Long seq = hints.remove(group);
      if (seq != null) {
        push.addGroups(GroupSeq.newBuilder().setGroupId(group).setNewestSeq(seq));
      }
    }
    channel.writeAndFlush(Frame.newBuilder().setPush(push).build(), channel.voidPromise());
  }

  /** Resumes a paused catch-up when the channel can take more. On the loop. */
  @Override
  public void onWritable() {
    if (started && !live) {
      catchUp();
    }
  }

  /** Highest seq written to the channel so far. On the loop. */
  @Override
  public long deliveredSeq() {
    return delivered;
  }

  /** Highest seq known to exist in the user's timeline. On the loop. */
  @Override
  public long newestKnownSeq() {
    return newestKnown;
  }

  private void onCommitted(List<TimelineEntry> entries) {
    if (!channel.isActive()) {
      return;
    }
    commitsSeen++;
    long last = entries.get(entries.size() - 1).getSeq();
    newestKnown = Math.max(newestKnown, last);
    if (!started) {
      return; // start() delivers it: the login's LoginResult goes first
    }
    if (!live) {
      catchUp();
      return;
    }
    if (!channel.isWritable()) {
      live = false; // the store keeps them; resume from there when the channel drains
      return;
    }
    List<TimelineEntry> next = new ArrayList<>(entries.size());
    for (TimelineEntry e : entries) {
      if (e.getSeq() == delivered + 1 + next.size()) {
        next.add(e);
      } else if (e.getSeq() > delivered + 1 + next.size()) {
        break;
      }
    }
    if (!next.isEmpty()) {
      write(next);
    }
    if (delivered < newestKnown) {
      live = false;
      catchUp();
    }
  }

  private void catchUp() {
    if (reading || !channel.isActive()) {
      return;
    }
    if (delivered >= newestKnown) {
      live = true;
      return;
    }
    if (!channel.isWritable()) {
      return; // onWritable resumes
    }
    reading = true;
    STORE_READS.increment();
    long after = delivered;
    long seenAtRead = commitsSeen;
    try {
      readExecutor.execute(() -> {
        List<TimelineEntry> page;
        try {
          page = source.read(user.appId(), user.userId(), after, pageSize);
        } catch (RuntimeException e) {
          failures.failed("reading the timeline of " + user + " for delivery failed", e);
          loop.execute(() -> {
            reading = false;
            giveUp();
          });
          return;
        }
        loop.execute(() -> onPage(after, seenAtRead, page));
      });
    } catch (RejectedExecutionException e) {
      reading = false;
      giveUp();
    }
  }

  /** The backlog cannot be read now: say so and close; the client resumes from its ack when it reconnects. */
  private void giveUp() {
    if (channel.isActive()) {
      Farewell.send(channel, Frame.newBuilder().setError(Error.newBuilder().setCode(ErrorCodes.UNAVAILABLE)
          .setMessage("the server could not read your timeline now; reconnect to resume from your last ack")).build());
    }
  }

  private void onPage(long after, long seenAtRead, List<TimelineEntry> page) {
    reading = false;
    if (!channel.isActive()) {
      return;
    }
    List<TimelineEntry> next = new ArrayList<>(page.size());
    for (TimelineEntry e : page) {
      if (e.getSeq() == delivered + 1 + next.size()) {
        next.add(e);
      }
    }
    if (!next.isEmpty()) {
      newestKnown = Math.max(newestKnown, next.get(next.size() - 1).getSeq());
      write(next);
    } else if (page.isEmpty() && after == delivered && seenAtRead == commitsSeen) {
      // Nothing was committed during the read and the store has nothing newer: we are caught up.
      newestKnown = delivered;
    }
    catchUp();
  }

  private void write(List<TimelineEntry> entries) {
    delivered = entries.get(entries.size() - 1).getSeq();
    for (Frame f : PushFrames.pack(entries, Math.max(newestKnown, delivered))) {
      channel.write(f, channel.voidPromise());
    }
    channel.flush();
  }
}
