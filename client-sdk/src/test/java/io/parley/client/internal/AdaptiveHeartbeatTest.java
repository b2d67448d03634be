package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AdaptiveHeartbeat")
class AdaptiveHeartbeatTest {
  private static final int MIN = 10_000;
  private static final int MAX = 90_000;
  private static final int STEP = 10_000;

  /** Plays beats against a network that drops connections idle for {@code natTimeoutMs} or longer. */
  private static void converge(AdaptiveHeartbeat heartbeat, int natTimeoutMs) {
    for (int beat = 0; beat < 100 && !heartbeat.isSettled(); beat++) {
      if (heartbeat.intervalMs() >= natTimeoutMs) {
        heartbeat.onBeatFailed();
      } else {
        heartbeat.onBeatSucceeded();
      }
    }
  }

  @Test
  @DisplayName("starts at the server's minimum and searches")
  void startsAtMinimum() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, STEP, 2);
    assertEquals(MIN, heartbeat.intervalMs());
    assertFalse(heartbeat.isSettled());
  }

  @Test
  @DisplayName("lengthens the interval by one step after two successful beats")
  void growsAfterSuccesses() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, STEP, 2);
    heartbeat.onBeatSucceeded();
    assertEquals(MIN, heartbeat.intervalMs());
    heartbeat.onBeatSucceeded();
    assertEquals(MIN + STEP, heartbeat.intervalMs());
  }

  @Test
  @DisplayName("settles on the last working interval, below the first failing one")
  void settlesBelowFirstFailure() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, STEP, 2);
    converge(heartbeat, 45_000);
    assertTrue(heartbeat.isSettled());
    assertEquals(40_000, heartbeat.intervalMs());
    for (int i = 0; i < 10; i++) {
      heartbeat.onBeatSucceeded();
    }
    assertEquals(40_000, heartbeat.intervalMs(), "a settled heartbeat no longer grows");
  }

  @Test
  @DisplayName("falls back further when the settled interval later fails too")
  void fallsBackAgainOnLaterFailure() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, STEP, 2);
    converge(heartbeat, 45_000);
    heartbeat.onBeatFailed();
    assertEquals(30_000, heartbeat.intervalMs());
    assertTrue(heartbeat.isSettled());
  }

  @Test
  @DisplayName("restarts the search from the minimum when the network changes")
  void restartsOnNetworkChange() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, STEP, 2);
    converge(heartbeat, 25_000);
    assertEquals(20_000, heartbeat.intervalMs());

    heartbeat.networkChanged();
    assertEquals(MIN, heartbeat.intervalMs());
    assertFalse(heartbeat.isSettled());

    converge(heartbeat, 75_000);
    assertEquals(70_000, heartbeat.intervalMs(), "the old failure no longer caps the search");
  }

  @Test
  @DisplayName("never leaves [min, max], whatever the beats")
  void staysWithinBounds() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, 7_000, 1);
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 10_000; i++) {
      switch (random.nextInt(10)) {
        case 0 -> heartbeat.onBeatFailed();
        case 1 -> heartbeat.networkChanged();
        default -> heartbeat.onBeatSucceeded();
      }
      int interval = heartbeat.intervalMs();
      assertTrue(interval >= MIN && interval <= MAX, "interval " + interval + " after step " + i);
    }
  }

  @Test
  @DisplayName("stops at the maximum when every beat succeeds")
  void settlesAtMaximum() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, 7_000, 2);
    converge(heartbeat, Integer.MAX_VALUE);
    assertEquals(MAX, heartbeat.intervalMs());
    assertTrue(heartbeat.isSettled());
  }

  @Test
  @DisplayName("stays at the minimum when even the minimum fails")
  void failingMinimumStaysAtMinimum() {
    AdaptiveHeartbeat heartbeat = new AdaptiveHeartbeat(MIN, MAX, STEP, 2);
    heartbeat.onBeatFailed();
    assertEquals(MIN, heartbeat.intervalMs());
    assertTrue(heartbeat.isSettled());
  }

  @Test
  @DisplayName("uses an eighth of the range as the default step, at least 1 ms")
  void defaultStep() {
    assertEquals(10_000, AdaptiveHeartbeat.defaultStepMs(10_000, 90_000));
    assertEquals(1, AdaptiveHeartbeat.defaultStepMs(100, 100));
  }
}
