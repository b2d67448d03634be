package io.parley.server.callback;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * A warning that may happen thousands of times a second (a full queue, an app that is down) but is logged at most
 * once per period, with how many times it happened since the last line.
 */
final class ThrottledWarning {
  private final Logger log;
  private final String what;
  private final long periodNanos;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong nextLogAt;

  ThrottledWarning(Logger log, String what, Duration period) {
    this.log = log;
    this.what = what;
    this.periodNanos = period.toNanos();
    this.nextLogAt = new AtomicLong(System.nanoTime());
  }

  /**
   * Counts one occurrence; logs it (with the count so far) when the period since the last line has passed. The
   * detail is built only when a line is written.
   */
  void occurred(Supplier<String> detail) {
    count.incrementAndGet();
    long now = System.nanoTime();
    long due = nextLogAt.get();
    if (now - due >= 0 && nextLogAt.compareAndSet(due, now + periodNanos)) {
      log.warn("{}: {} time(s) since the last such line; latest: {}", what, count.getAndSet(0), detail.get());
    }
  }
}
