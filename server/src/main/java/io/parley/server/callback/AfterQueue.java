package io.parley.server.callback;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The After side: {@link #offer} puts a callback into the bounded queue and returns at once; a few worker threads
 * take callbacks (batched where the vendor batches), sign and send them, and retry connect errors, timeouts and 5xx
 * answers with backoff. At most {@code maxInFlight} requests are out or waiting for a retry at any time, so at most
 * {@code queueCapacity} callbacks wait and {@code maxInFlight} batches are being sent.
 */
final class AfterQueue {
  private static final Logger LOG = LoggerFactory.getLogger("parley.callbacks");
  private static final Duration LOG_PERIOD = Duration.ofSeconds(10);

  private final CallbackOptions options;
  private final HttpPoster poster;
  private final CallbackCounters counters;
  private final Clock clock;
  private final Backoff backoff;
  private final PendingQueue queue;
  private final Semaphore permits;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<Retry> waiting = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService retries;
  private final List<Thread> workers = new ArrayList<>();
  private final ThrottledWarning overflow = new ThrottledWarning(LOG, "After callbacks dropped", LOG_PERIOD);
  private final ThrottledWarning failures = new ThrottledWarning(LOG, "After callbacks given up", LOG_PERIOD);
  private volatile boolean closed;

  AfterQueue(CallbackOptions options, HttpPoster poster, CallbackCounters counters, Clock clock) {
    this.options = options;
    this.poster = poster;
    this.counters = counters;
    this.clock = clock;
    this.backoff = new Backoff(options.firstBackoff());
    this.queue = new PendingQueue(options.queueCapacity());
    this.permits = new Semaphore(options.maxInFlight());
    this.retries = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "parley-callback-retry"));
    for (int i = 0; i < options.workers(); i++) {
      Thread t = daemon(this::work, "parley-callback-" + i);
      workers.add(t);
      t.start();
    }
  }

  /** Queues the callback; false when it was dropped (queue full or closed), which is counted and logged. */
  boolean offer(Pending p) {
    if (closed || !queue.offer(p)) {
      counters.dropped.increment();
      overflow.occurred(() -> p.command() + " for app " + p.app().id()
          + (closed ? ": the callback queue is closed" : ": the callback queue is full (" + options.queueCapacity() + ")"));
      return false;
    }
    return true;
  }

  int queued() {
    return queue.size();
  }

  int inFlight() {
    return inFlight.get();
  }

  /**
   * A worker's loop: wait for a free slot, then for callbacks. Taking only when a request can go out lets callbacks
   * that pile up meanwhile travel together where the vendor batches.
   */
  private void work() {
    while (true) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        return;
      }
      List<Pending> batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        permits.release();
        return;
      }
      inFlight.addAndGet(batch.size());
      attempt(batch, 1);
    }
  }

  /** Builds, signs and sends the batch; {@code attempt} 1 is the first try. */
  private void attempt(List<Pending> batch, int attempt) {
    Pending head = batch.get(0);
    CallbackRequest request;
    try {
      request = head.format().request(head.app(), head.command(), batch.stream().map(Pending::event).toList(),
          clock.instant());
    } catch (RuntimeException e) {
      giveUp(batch, "the request cannot be built (" + e.getMessage() + ")");
      return;
    }
    poster.post(request, options.requestTimeout(), HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, error) -> {
          Outcome outcome = error == null ? Outcome.of(response.statusCode()) : Outcome.of(error);
          String what = error == null ? "HTTP " + response.statusCode() : Outcome.describe(error);
          if (outcome == Outcome.SENT) {
            counters.sent.add(batch.size());
            finished(batch);
          } else if (outcome == Outcome.RETRY && attempt <= options.retries() && retryLater(batch, attempt + 1)) {
            counters.retried.increment();
          } else {
            giveUp(batch, what + (outcome == Outcome.RETRY ? " after " + attempt + " attempt(s)" : ""));
          }
        });
  }

  private boolean retryLater(List<Pending> batch, int nextAttempt) {
    Retry r = new Retry(batch, nextAttempt);
    waiting.add(r);
    try {
      retries.schedule(r, backoff.delay(nextAttempt - 1).toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (RejectedExecutionException shuttingDown) {
      waiting.remove(r);
      return false;
    }
  }

  private void giveUp(List<Pending> batch, String why) {
    counters.failed.add(batch.size());
    Pending head = batch.get(0);
    failures.occurred(() -> head.command() + " for app " + head.app().id() + " (" + batch.size() + " event(s)): " + why);
    finished(batch);
  }

  private void finished(List<Pending> batch) {
    inFlight.addAndGet(-batch.size());
    permits.release();
  }

  /**
   * Stops taking callbacks, waits up to {@code grace} for the queue and the requests out to finish, then abandons
   * what is left: queued callbacks count as dropped, callbacks waiting for a retry as failed.
   */
  void close(Duration grace) {
    closed = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while ((queue.size() > 0 || inFlight.get() > 0) && System.nanoTime() - deadline < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    workers.forEach(Thread::interrupt);
    retries.shutdownNow();
    for (Retry r : waiting) {
      if (waiting.remove(r)) {
        giveUp(r.batch, "the server is shutting down");
      }
    }
    List<Pending> left = queue.drain();
    if (!left.isEmpty()) {
      counters.dropped.add(left.size());
      LOG.warn("{} After callback(s) were still queued at shutdown and are dropped", left.size());
    }
    for (Thread t : workers) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A batch waiting for its next attempt; runs it unless close() abandoned it first. */
  private final class Retry implements Runnable {
    final List<Pending> batch;
    final int attempt;

    Retry(List<Pending> batch, int attempt) {
      this.batch = batch;
      this.attempt = attempt;
    }

    @Override
    public void run() {
      if (waiting.remove(this)) {
        attempt(batch, attempt);
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
