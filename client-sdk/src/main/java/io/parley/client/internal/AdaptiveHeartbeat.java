package io.parley.client.internal;

/**
 * Searches for the longest ping interval the network path tolerates (DESIGN §7): it starts at the
 * server's minimum, lengthens the interval by one step after every few successful beats, and after
 * a failure falls back to the last interval that worked and stays there (settled) until the network
 * changes. It never proposes an interval above the first failing one minus one step, nor outside
 * {@code [min, max]}. Pure and not thread-safe: the owning client calls it from one thread.
 */
public final class AdaptiveHeartbeat {
  /** Beats that must succeed at an interval before the next, longer one is tried. */
  public static final int DEFAULT_SUCCESSES_PER_STEP = 2;

  private final int minMs;
  private final int maxMs;
  private final int stepMs;
  private final int successesPerStep;

  private int intervalMs;
  private int lastGoodMs;
  private int failingMs;
  private int successes;
  private boolean settled;

  public AdaptiveHeartbeat(int minMs, int maxMs, int stepMs, int successesPerStep) {
    if (minMs <= 0 || maxMs < minMs) {
      throw new IllegalArgumentException("need 0 < min <= max, got [" + minMs + ", " + maxMs + "]");
    }
    if (stepMs <= 0 || successesPerStep <= 0) {
      throw new IllegalArgumentException("step and successes per step must be positive");
    }
    this.minMs = minMs;
    this.maxMs = maxMs;
    this.stepMs = stepMs;
    this.successesPerStep = successesPerStep;
    networkChanged();
  }

  /** The step used when none is configured: an eighth of the range, at least 1 ms. */
  public static int defaultStepMs(int minMs, int maxMs) {
    return Math.max((maxMs - minMs) / 8, 1);
  }

  /** The interval to ping at now. */
  public int intervalMs() {
    return intervalMs;
  }

  /** True once the search has stopped: after a failure, or after reaching the highest allowed interval. */
  public boolean isSettled() {
    return settled;
  }

  /** The longest interval known to keep this path alive. */
  public int lastGoodMs() {
    return lastGoodMs;
  }

  public int minMs() {
    return minMs;
  }

  public int maxMs() {
    return maxMs;
  }

  /** A Pong answered a ping sent after being idle for the current interval. */
  public void onBeatSucceeded() {
    lastGoodMs = Math.max(lastGoodMs, intervalMs);
    if (settled || ++successes < successesPerStep) {
      return;
    }
    successes = 0;
    int ceiling = failingMs > 0 ? Math.min(maxMs, failingMs - stepMs) : maxMs;
    int next = (int) Math.min((long) intervalMs + stepMs, ceiling);
    if (next <= intervalMs) {
      settled = true;
    } else {
      intervalMs = next;
    }
  }

  /** The connection did not survive being idle for the current interval (lost, or no Pong in time). */
  public void onBeatFailed() {
    if (failingMs == 0 || intervalMs < failingMs) {
      failingMs = intervalMs;
    }
    int fallback = lastGoodMs < failingMs ? lastGoodMs : failingMs - stepMs;
    intervalMs = Math.max(minMs, Math.min(maxMs, fallback));
    lastGoodMs = intervalMs;
    successes = 0;
    settled = true;
  }

  /** Forgets what was learned: the new network path may tolerate more or less idle time. */
  public void networkChanged() {
    intervalMs = minMs;
    lastGoodMs = minMs;
    failingMs = 0;
    successes = 0;
    settled = false;
  }
}
