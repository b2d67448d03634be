package io.parley.server.callback;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: retry n waits {@code first × 2^(n-1)}, scaled by a random factor in [0.75, 1.25)
 * so that callbacks that failed together do not come back together; never more than a minute.
 */
final class Backoff {
  static final Duration MAX = Duration.ofMinutes(1);

  private final long firstNanos;
  private final DoubleSupplier random;

  Backoff(Duration first) {
    this(first, () -> ThreadLocalRandom.current().nextDouble());
  }

  /** {@code random} yields values in [0, 1). */
  Backoff(Duration first, DoubleSupplier random) {
    this.firstNanos = first.toNanos();
    this.random = random;
  }

  /** How long to wait before retry {@code n} (1 for the first retry). */
  Duration delay(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("retries count from 1");
    }
    double base = firstNanos * Math.pow(2, Math.min(n - 1, 30));
    double jittered = base * (0.75 + 0.5 * random.getAsDouble());
    return Duration.ofNanos((long) Math.min(jittered, MAX.toNanos()));
  }
}
