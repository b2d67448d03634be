package io.parley.server.http;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs handlers that threw: a few lines a second, the first of each second with its stack trace, and a count of
 * those left out, so that a failing route cannot flood the log.
 */
final class FailureLog {
  private static final Logger LOG = LoggerFactory.getLogger("parley.http");
  private static final int LINES_PER_SECOND = 5;

  private final AtomicLong window = new AtomicLong(-1);
  private final AtomicLong inWindow = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  void failed(HttpRequest request, Throwable failure) {
    long second = System.nanoTime() / 1_000_000_000L;
    long w = window.get();
    if (w != second && window.compareAndSet(w, second)) {
      inWindow.set(0);
      long s = suppressed.getAndSet(0);
      if (s > 0) {
        LOG.error("{} more handler failures were not logged", s);
      }
    }
    long n = inWindow.incrementAndGet();
    if (n == 1) {
      LOG.error("handler of {} failed", request, failure);
    } else if (n <= LINES_PER_SECOND) {
      LOG.error("handler of {} failed: {} (one stack trace a second is logged)", request, failure.toString());
    } else {
      suppressed.incrementAndGet();
    }
  }
}
