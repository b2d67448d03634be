package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import io.netty.util.TimerTask;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.KickReason;
import io.parley.server.session.Farewell;
import java.util.concurrent.TimeUnit;

/**
 * Closes connections that stay silent past their deadline, telling them IDLE_TIMEOUT. One timer wheel serves every
 * connection; each holds a single pending timeout that re-arms itself lazily.
 */
public final class IdleWatchdog implements AutoCloseable {
  private static final io.netty.util.AttributeKey<Boolean> TIMED_OUT = io.netty.util.AttributeKey.valueOf("parley.idle");
  private static final Frame IDLE_KICK = Frame.newBuilder().setKick(Kick.newBuilder().setReason(KickReason.IDLE_TIMEOUT)
      .setMessage("no frame arrived within the idle deadline; ping within the announced interval")).build();
  private final Timer timer;

  public IdleWatchdog() {
    this.timer = new HashedWheelTimer(r -> {
      Thread t = new Thread(r, "parley-idle-wheel");
      t.setDaemon(true);
      return t;
    }, 20, TimeUnit.MILLISECONDS, 1024);
  }

  /** True when this watchdog closed the channel for silence. */
  public static boolean timedOut(Channel channel) {
    return Boolean.TRUE.equals(channel.attr(TIMED_OUT).get());
  }

  /** The wheel, shared with other per-connection deadlines (credential expiry). */
  public Timer timer() {
    return timer;
  }

  /** Starts watching a channel that must show traffic within {@code deadlineMs}. */
  public Watch watch(Channel channel, long deadlineMs) {
    Watch w = new Watch(channel, TimeUnit.MILLISECONDS.toNanos(deadlineMs));
    w.arm(w.deadlineNanos);
    return w;
  }

  @Override
  public void close() {
    timer.stop();
  }

  /** The idle deadline of one connection. */
  public final class Watch implements TimerTask {
    private final Channel channel;
    private volatile long lastReadNanos = System.nanoTime();
    private volatile long deadlineNanos;
    private volatile Timeout timeout;

    private Watch(Channel channel, long deadlineNanos) {
      this.channel = channel;
      this.deadlineNanos = deadlineNanos;
    }

    /** Records inbound traffic. */
    public void touch() {
      lastReadNanos = System.nanoTime();
    }

    /** Changes the deadline, re-arming at once when it got shorter. */
    public void deadline(long deadlineMs) {
      long nanos = TimeUnit.MILLISECONDS.toNanos(deadlineMs);
      long old = deadlineNanos;
      deadlineNanos = nanos;
      if (nanos < old) {
        Timeout t = timeout;
        if (t != null && t.cancel()) {
          arm(nanos);
        }
      }
    }

    public void cancel() {
      Timeout t = timeout;
      if (t != null) {
        t.cancel();
      }
    }

    @Override
    public void run(Timeout t) {
      if (!channel.isActive()) {
        return;
      }
      long idle = System.nanoTime() - lastReadNanos;
      long deadline = deadlineNanos;
      if (idle >= deadline) {
        channel.eventLoop().execute(() -> {
          if (channel.isActive()) {
            channel.attr(TIMED_OUT).set(Boolean.TRUE);
            Farewell.send(channel, IDLE_KICK); // a client that wakes up learns why, rather than guessing
          }
        });
      } else {
        arm(deadline - idle);
      }
    }

    private void arm(long delayNanos) {
      Timeout t = timer.newTimeout(this, delayNanos, TimeUnit.NANOSECONDS);
      timeout = t;
      if (!channel.isOpen()) {
        t.cancel(); // closed while we re-armed: do not keep the channel reachable until the deadline
      }
    }
  }
}
