package io.parley.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Jittered exponential delays: attempt {@code n} (from 0) waits a random time in
 * {@code [cap/2, cap]} where {@code cap = min(max, base * 2^n)}, so that many clients losing the same
 * server spread their reconnects instead of arriving together.
 */
public final class Backoff {
  private final long baseMs;
  private final long maxMs;
  private final DoubleSupplier random;

  public Backoff(Duration base, Duration max) {
    this(base, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  Backoff(Duration base, Duration max, DoubleSupplier random) {
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("base backoff must be positive: " + base);
    }
    if (max.compareTo(base) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below base " + base);
    }
    this.baseMs = base.toMillis() == 0 ? 1 : base.toMillis();
    this.maxMs = Math.max(this.baseMs, max.toMillis());
    this.random = random;
  }

  /** The delay before attempt {@code attempt} (0 for the first retry), in milliseconds, at least 1. */
  public long delayMillis(int attempt) {
    int doublings = Math.min(Math.max(attempt, 0), 62);
    long cap = baseMs;
    for (int i = 0; i < doublings && cap < maxMs; i++) {
      cap *= 2;
    }
    cap = Math.min(cap, maxMs);
    long half = cap / 2;
    long jitter = (long) (random.getAsDouble() * (cap - half));
    return Math.max(1, half + Math.min(jitter, cap - half));
  }
}
