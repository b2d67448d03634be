package io.parley.client.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Ping;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Keeps one connection alive: once started, it sends a Ping (stating the current interval) whenever
 * nothing has been written for the interval of an {@link AdaptiveHeartbeat}, reports each Pong or
 * missed Pong to it, and fails the channel when a Pong does not come in time. It uses the channel's
 * own scheduler: no thread and no timer per client.
 */
final class HeartbeatHandler extends ChannelDuplexHandler {
  /** Longest wait for a Pong, whatever the interval. */
  static final long MAX_PONG_TIMEOUT_MS = 10_000;

  private final IntSupplier requestIds;
  private final Runnable intervalChanged;

  private ChannelHandlerContext ctx;
  private AdaptiveHeartbeat heartbeat;
  private long lastWriteNanos = System.nanoTime();
  private long lastReadNanos = System.nanoTime();
  private ScheduledFuture<?> idleCheck;
  private ScheduledFuture<?> pongTimeout;
  private int pingIntervalMs;
  private boolean failureReported;

  HeartbeatHandler(IntSupplier requestIds, Runnable intervalChanged) {
    this.requestIds = requestIds;
    this.intervalChanged = intervalChanged;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  /** Starts pinging; call on the channel's event loop after login. */
  void start(AdaptiveHeartbeat heartbeat) {
    this.heartbeat = heartbeat;
    scheduleIdleCheck(heartbeat.intervalMs());
  }

  /**
   * True when the connection was lost with a Ping unanswered, or after staying idle for longer
   * than the longest interval known to be safe (a NAT cuts an idle path silently, before the
   * probing interval is up), and a missed Pong has not already been reported for it.
   */
  boolean lostWhileIdle() {
    if (heartbeat == null || failureReported) {
      return false;
    }
    long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - Math.max(lastReadNanos, lastWriteNanos));
    return pingIntervalMs > 0 || (!heartbeat.isSettled() && idleMs > heartbeat.lastGoodMs());
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    lastWriteNanos = System.nanoTime();
    super.write(ctx, msg, promise);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    lastReadNanos = System.nanoTime();
    if (msg instanceof Frame frame && frame.hasPong()) {
      onPong();
      return;
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel(idleCheck);
    cancel(pongTimeout);
    super.channelInactive(ctx);
  }

  private void scheduleIdleCheck(long delayMs) {
    cancel(idleCheck);
    idleCheck = ctx.executor().schedule(this::checkIdle, Math.max(1, delayMs), TimeUnit.MILLISECONDS);
  }

  private void checkIdle() {
    if (!ctx.channel().isActive() || pingIntervalMs > 0) {
      return;
    }
    int interval = heartbeat.intervalMs();
    long idleMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWriteNanos);
    if (idleMs < interval) {
      scheduleIdleCheck(interval - idleMs);
      return;
    }
    pingIntervalMs = interval;
    ctx.writeAndFlush(
        Frame.newBuilder()
            .setRequestId(requestIds.getAsInt())
            .setPing(Ping.newBuilder().setIntervalMs(interval))
            .build());
    long timeoutMs = Math.min(interval, MAX_PONG_TIMEOUT_MS);
    pongTimeout = ctx.executor().schedule(() -> onPongTimeout(timeoutMs), timeoutMs, TimeUnit.MILLISECONDS);
  }

  private void onPong() {
    if (pingIntervalMs == 0) {
      return;
    }
    cancel(pongTimeout);
    int before = heartbeat.intervalMs();
    if (pingIntervalMs == before) {
      heartbeat.onBeatSucceeded();
    }
    pingIntervalMs = 0;
    if (heartbeat.intervalMs() != before) {
      intervalChanged.run();
    }
    scheduleIdleCheck(heartbeat.intervalMs());
  }

  private void onPongTimeout(long timeoutMs) {
    if (pingIntervalMs == 0 || !ctx.channel().isActive()) {
      return;
    }
    if (pingIntervalMs == heartbeat.intervalMs()) {
      heartbeat.onBeatFailed();
      intervalChanged.run();
    }
    failureReported = true;
    pingIntervalMs = 0;
    ctx.fireExceptionCaught(new IOException("no Pong within " + timeoutMs + " ms"));
  }

  private static void cancel(ScheduledFuture<?> future) {
    if (future != null) {
      future.cancel(false);
    }
  }
}
