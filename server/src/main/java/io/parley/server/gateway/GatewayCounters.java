package io.parley.server.gateway;

import java.util.concurrent.atomic.LongAdder;

/** Counts of what the gateway did to protect itself, for /metrics and tests. Thread-safe. */
public final class GatewayCounters {
  private final LongAdder slowConsumerKicks = new LongAdder();

  void slowConsumerKicked() {
    slowConsumerKicks.increment();
  }

  /** Connections kicked with SLOW_CONSUMER because they left the server's output unread too long. */
  public long slowConsumerKicks() {
    return slowConsumerKicks.sum();
  }
}
