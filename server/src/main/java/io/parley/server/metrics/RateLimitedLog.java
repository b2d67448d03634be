package io.parley.server.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused and failed requests at a bounded rate, so that no client can flood the log: at most a few lines a
 * second over all connections, the rest counted and summed up in one line; a failure's stack trace at most once a
 * minute per kind of failure, one line without it otherwise.
 */
public final class RateLimitedLog {
  private static final int PER_SECOND = 20;
  private static final long TRACE_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int MAX_TRACE_KINDS = 1_000;

  private final Logger log;
  private final AtomicLong window = new AtomicLong();
  private final AtomicLong inWindow = new AtomicLong();
  private final AtomicLong suppressed = new AtomicLong();
  private final ConcurrentHashMap<String, Long> lastTrace = new ConcurrentHashMap<>();

  /** A log for the gateway's refusals and request failures ({@code parley.refusals}). */
  public RateLimitedLog() {
    this(LoggerFactory.getLogger("parley.refusals"));
  }

  public RateLimitedLog(Logger log) {
    this.log = log;
  }

  /** A request or connection refused for bad input or a limit: expected, so one INFO line and never a stack trace. */
  public void refused(String remote, int code, String what) {
    if (admit()) {
      log.info("refused {} code={} {}", remote, code, what);
    }
  }

  /** A request that failed on the server's side (a store error, an unexpected exception). */
  public void failed(String what, Throwable cause) {
    if (!admit()) {
      return;
    }
    if (traceDue(what + '|' + cause.getClass().getName())) {
      log.warn(what, cause);
    } else {
      log.warn("{}: {} (its stack trace is logged at most once a minute)", what, cause.toString());
    }
  }

  /** How many lines were dropped so far in the current second (for tests and metrics). */
  public long suppressed() {
    return suppressed.get();
  }

  private boolean admit() {
    long second = System.nanoTime() / 1_000_000_000L;
    long w = window.get();
    if (w != second && window.compareAndSet(w, second)) {
      inWindow.set(0);
      long s = suppressed.getAndSet(0);
      if (s > 0) {
        log.warn("{} more refused or failed requests were not logged", s);
      }
    }
    if (inWindow.incrementAndGet() <= PER_SECOND) {
      return true;
    }
    suppressed.incrementAndGet();
    return false;
  }

  private boolean traceDue(String kind) {
    long now = System.nanoTime();
    if (lastTrace.size() > MAX_TRACE_KINDS) {
      lastTrace.clear();
    }
    Long last = lastTrace.get(kind);
    if (last != null && now - last < TRACE_EVERY_NANOS) {
      return false;
    }
    return last == null ? lastTrace.putIfAbsent(kind, now) == null : lastTrace.replace(kind, last, now);
  }
}
