package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Decides when one connection may read its next request: only while its answered-but-unwritten work stays under a
 * small budget and its channel is writable. A client that pipelines requests without reading the answers is thus
 * paced by TCP (the server stops reading it) instead of growing the server's memory; one that stays unwritable for
 * the slow-consumer deadline is handed to {@code onStalled}. Confined to the channel's event loop, which it needs
 * {@link io.netty.handler.flow.FlowControlHandler} in front of the handler for: turning auto-read off then holds
 * back frames already decoded from the last read.
 */
final class InboundPacer {
  /** Requests a connection may have in flight, weighted: a send weighs 1, a pull (up to a page of output) much more. */
  static final int BUDGET = 64;
  static final int SEND = 1;
  static final int PULL = BUDGET / 2;

  private final Channel channel;
  private final Timer timer;
  private final long stallMs;
  private final Runnable onStalled;
  private int inFlight;
  private boolean held;
  private Timeout stall;

  InboundPacer(Channel channel, Timer timer, long stallMs, Runnable onStalled) {
    this.channel = channel;
    this.timer = timer;
    this.stallMs = stallMs;
    this.onStalled = onStalled;
  }

  /** Stops reading regardless of the budget (a login in progress) or lets the budget decide again. */
  void hold(boolean hold) {
    held = hold;
    update();
  }

  /** A request of this weight was accepted and will be answered later. */
  void started(int weight) {
    inFlight += weight;
    update();
  }

  /** A request's answer was handed to the channel. */
  void finished(int weight) {
    inFlight -= weight;
    update();
  }

  /** The channel's writability changed: resume or stop reading, and start or cancel the stall deadline. */
  void writabilityChanged() {
    if (channel.isWritable()) {
      if (stall != null) {
        stall.cancel();
        stall = null;
      }
    } else if (stall == null && channel.isActive()) {
      stall = timer.newTimeout(t -> channel.eventLoop().execute(this::checkStalled), stallMs, TimeUnit.MILLISECONDS);
    }
    update();
  }

  /** Cancels the stall deadline (the connection closed). */
  void close() {
    if (stall != null) {
      stall.cancel();
      stall = null;
    }
  }

  private void checkStalled() {
    stall = null;
    if (channel.isActive() && !channel.isWritable()) {
      onStalled.run();
    }
  }

  private void update() {
    boolean read = !held && inFlight < BUDGET && channel.isWritable();
    if (channel.config().isAutoRead() != read) {
      channel.config().setAutoRead(read);
    }
  }
}
