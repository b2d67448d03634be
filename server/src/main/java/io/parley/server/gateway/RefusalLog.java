package io.parley.server.gateway;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one line per refused request or connection, at most a few per second; counts the rest. */
public final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger("parley.refusals");
  private static final int PER_SECOND = 20;

  private final AtomicLong window = new AtomicLong();
  private final AtomicLong inWindow = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();

  public void refused(String remote, int code, String what) {
    long second = System.nanoTime() / 1_000_000_000L;
    long w = window.get();
    if (w != second && window.compareAndSet(w, second)) {
      inWindow.set(0);
      long s = suppressed.getAndSet(0);
      if (s > 0) {
        LOG.warn("{} more refusals were not logged", s);
      }
    }
    if (inWindow.incrementAndGet() <= PER_SECOND) {
      LOG.info("refused {} code={} {}", remote, code, what);
    } else {
      suppressed.incrementAndGet();
    }
  }
}
