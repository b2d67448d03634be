package io.parley.client.internal;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Carries one {@link AdaptiveHeartbeat} across the client's connections (DESIGN §7): creates it from the bounds the
 * server announces, starts each session's {@link HeartbeatHandler} on it, counts a connection lost while idle as a
 * failed beat, restarts the search when the network changes (told, or seen as a new local address), and publishes
 * the current interval. Confined to the event loop, except {@link #intervalMs}.
 */
final class HeartbeatKeeper {
  /** 0 for the default step. */
  private final int stepMs;

  private AdaptiveHeartbeat heartbeat;
  private InetAddress lastLocalAddress;
  private volatile int intervalMs;

  /** {@code stepMs} is the configured step, 0 for the default of the server's bounds. */
  HeartbeatKeeper(int stepMs) {
    this.stepMs = stepMs;
  }

  /** The current ping interval, 0 before the first login. Any thread. */
  int intervalMs() {
    return intervalMs;
  }

  /** The pipeline handler that keeps {@code c} alive once {@link #loggedIn} starts it. */
  HeartbeatHandler newHandler(Connection c) {
    return new HeartbeatHandler(c::nextRequestId, this::publish);
  }

  /** A login on {@code c} announced {@code [minMs, maxMs]}: a new search if the bounds changed, then pinging starts. */
  void loggedIn(Connection c, int minMs, int maxMs) {
    if (heartbeat == null || heartbeat.minMs() != minMs || heartbeat.maxMs() != maxMs) {
      int step = stepMs > 0 ? stepMs : AdaptiveHeartbeat.defaultStepMs(minMs, maxMs);
      heartbeat = new AdaptiveHeartbeat(minMs, maxMs, step, AdaptiveHeartbeat.DEFAULT_SUCCESSES_PER_STEP);
    }
    InetAddress local = localAddressOf(c.channel);
    if (lastLocalAddress != null && local != null && !local.equals(lastLocalAddress)) {
      heartbeat.networkChanged();
    }
    lastLocalAddress = local;
    c.heartbeatHandler.start(heartbeat);
    publish();
  }

  /** The current connection {@code c} ended: a session the network cut while idle counts as a failed beat. */
  void connectionEnded(Connection c) {
    if (c.loggedIn && !c.localClose && heartbeat != null && c.heartbeatHandler.lostWhileIdle()) {
      heartbeat.onBeatFailed();
      publish();
    }
  }

  /** The app says the network changed: the search starts again. */
  void networkChanged() {
    if (heartbeat != null) {
      heartbeat.networkChanged();
      publish();
    }
  }

  private void publish() {
    intervalMs = heartbeat == null ? 0 : heartbeat.intervalMs();
  }

  private static InetAddress localAddressOf(Channel channel) {
    return channel.localAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
  }
}
