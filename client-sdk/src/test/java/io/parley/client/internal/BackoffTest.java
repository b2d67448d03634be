package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Backoff")
class BackoffTest {
  private static final Duration BASE = Duration.ofMillis(200);
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  @DisplayName("doubles the ceiling per attempt and waits between half of it and all of it")
  void doublesWithinBounds() {
    Backoff lowest = new Backoff(BASE, MAX, () -> 0.0);
    Backoff highest = new Backoff(BASE, MAX, () -> 0.999_999);
    for (int attempt = 0; attempt < 7; attempt++) {
      long cap = Math.min(200L << attempt, 30_000);
      assertEquals(cap / 2, lowest.delayMillis(attempt), "lowest delay of attempt " + attempt);
      long high = highest.delayMillis(attempt);
      assertTrue(high > cap / 2 && high <= cap, "highest delay " + high + " of attempt " + attempt);
    }
  }

  @Test
  @DisplayName("never exceeds the maximum, even after many attempts")
  void capsAtMaximum() {
    Backoff backoff = new Backoff(BASE, MAX);
    for (int attempt = 0; attempt < 1_000; attempt += 37) {
      long delay = backoff.delayMillis(attempt);
      assertTrue(delay >= 100 && delay <= 30_000, "delay " + delay + " of attempt " + attempt);
    }
    assertEquals(30_000, new Backoff(BASE, MAX, () -> 1.0).delayMillis(Integer.MAX_VALUE));
  }

  @Test
  @DisplayName("spreads clients that fail together over the whole jitter range")
  void jitters() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), MAX);
    java.util.Set<Long> delays = new java.util.HashSet<>();
    for (int i = 0; i < 200; i++) {
      long delay = backoff.delayMillis(3);
      assertTrue(delay >= 4_000 && delay <= 8_000, "delay " + delay);
      delays.add(delay);
    }
    assertTrue(delays.size() > 50, "only " + delays.size() + " distinct delays out of 200");
    assertNotEquals(new Backoff(BASE, MAX, () -> 0.1).delayMillis(2), new Backoff(BASE, MAX, () -> 0.9).delayMillis(2));
  }

  @Test
  @DisplayName("refuses a zero base or a maximum below the base")
  void validates() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, MAX));
    assertThrows(IllegalArgumentException.class, () -> new Backoff(MAX, BASE));
  }
}
