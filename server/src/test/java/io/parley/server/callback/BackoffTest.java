package io.parley.server.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Retry backoff")
class BackoffTest {

  @ParameterizedTest(name = "retry {0} waits {1} ms before jitter")
  @CsvSource({"1, 1000", "2, 2000", "3, 4000", "4, 8000"})
  @DisplayName("each retry waits twice as long as the one before, starting at the first backoff")
  void doubles(int retry, long millis) {
    Backoff middle = new Backoff(Duration.ofSeconds(1), () -> 0.5);

    assertEquals(Duration.ofMillis(millis), middle.delay(retry));
  }

  @Test
  @DisplayName("jitter spreads a wait over 75% to 125% of it")
  void jitter() {
    assertEquals(Duration.ofMillis(1500), new Backoff(Duration.ofSeconds(1), () -> 0.0).delay(2));
    assertEquals(2499, new Backoff(Duration.ofSeconds(1), () -> 0.999).delay(2).toMillis());
  }

  @Test
  @DisplayName("no wait is longer than a minute, however many retries")
  void capped() {
    assertEquals(Backoff.MAX, new Backoff(Duration.ofSeconds(1), () -> 0.999).delay(1_000));
  }

  @Test
  @DisplayName("retries count from 1")
  void countsFromOne() {
    assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1)).delay(0));
  }
}
