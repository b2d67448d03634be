package io.parley.server.callback;

import java.time.Duration;

/**
 * Server-wide knobs of the callback queue. {@code queueCapacity}: After callbacks waiting to be sent (more are
 * dropped and counted); {@code workers}: threads draining the queue; {@code maxInFlight}: After requests out at once,
 * retries included; {@code maxBeforeInFlight}: Before calls out at once (more are answered by the app's policy);
 * {@code connectTimeout} and {@code requestTimeout}: per After request; {@code retries}: how many times a failed
 * After request is sent again, waiting {@code firstBackoff}, then twice that, … (±25% jitter);
 * {@code closeGrace}: how long {@code close()} waits for the queue to drain.
 */
public record CallbackOptions(
    int queueCapacity,
    int workers,
    int maxInFlight,
    int maxBeforeInFlight,
    Duration connectTimeout,
    Duration requestTimeout,
    int retries,
    Duration firstBackoff,
    Duration closeGrace) {

  /** 10,000 queued, 2 workers, 64 in flight, 1,000 Before calls, 2 s connect, 5 s request, 3 retries after 1 s, 2 s, 4 s. */
  public static final CallbackOptions DEFAULTS = new CallbackOptions(10_000, 2, 64, 1_000, Duration.ofSeconds(2),
      Duration.ofSeconds(5), 3, Duration.ofSeconds(1), Duration.ofSeconds(2));

  public CallbackOptions {
    positive("queueCapacity", queueCapacity);
    positive("workers", workers);
    positive("maxInFlight", maxInFlight);
    positive("maxBeforeInFlight", maxBeforeInFlight);
    positive("connectTimeout", connectTimeout);
    positive("requestTimeout", requestTimeout);
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
    positive("firstBackoff", firstBackoff);
    if (closeGrace.isNegative()) {
      throw new IllegalArgumentException("closeGrace must not be negative");
    }
  }

  public CallbackOptions withQueueCapacity(int value) {
    return new CallbackOptions(value, workers, maxInFlight, maxBeforeInFlight, connectTimeout, requestTimeout, retries,
        firstBackoff, closeGrace);
  }

  public CallbackOptions withWorkers(int value) {
    return new CallbackOptions(queueCapacity, value, maxInFlight, maxBeforeInFlight, connectTimeout, requestTimeout,
        retries, firstBackoff, closeGrace);
  }

  public CallbackOptions withMaxInFlight(int value) {
    return new CallbackOptions(queueCapacity, workers, value, maxBeforeInFlight, connectTimeout, requestTimeout,
        retries, firstBackoff, closeGrace);
  }

  public CallbackOptions withMaxBeforeInFlight(int value) {
    return new CallbackOptions(queueCapacity, workers, maxInFlight, value, connectTimeout, requestTimeout, retries,
        firstBackoff, closeGrace);
  }

  public CallbackOptions withRequestTimeout(Duration value) {
    return new CallbackOptions(queueCapacity, workers, maxInFlight, maxBeforeInFlight, connectTimeout, value, retries,
        firstBackoff, closeGrace);
  }

  public CallbackOptions withRetries(int value, Duration first) {
    return new CallbackOptions(queueCapacity, workers, maxInFlight, maxBeforeInFlight, connectTimeout, requestTimeout,
        value, first, closeGrace);
  }

  public CallbackOptions withCloseGrace(Duration value) {
    return new CallbackOptions(queueCapacity, workers, maxInFlight, maxBeforeInFlight, connectTimeout, requestTimeout,
        retries, firstBackoff, value);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
