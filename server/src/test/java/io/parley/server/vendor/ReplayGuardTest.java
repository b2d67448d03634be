package io.parley.server.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReplayGuard: signed vendor requests are fresh and used once")
class ReplayGuardTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));
  final ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5));
  final long now = clock.millis();

  @Test
  @DisplayName("a request time within the window either way is fresh, outside it stale")
  void window() {
    assertEquals(ReplayGuard.Verdict.FRESH, guard.check("app", "n1", now - 299_000));
    assertEquals(ReplayGuard.Verdict.FRESH, guard.check("app", "n2", now + 299_000));
    assertEquals(ReplayGuard.Verdict.STALE, guard.check("app", "n3", now - 301_000));
    assertEquals(ReplayGuard.Verdict.STALE, guard.check("app", "n4", now + 301_000));
  }

  @Test
  @DisplayName("a nonce seen before is a replay for the same app, and fresh for another app")
  void nonces() {
    assertEquals(ReplayGuard.Verdict.FRESH, guard.check("app", "same", now));
    assertEquals(ReplayGuard.Verdict.REPLAYED, guard.check("app", "same", now + 1));
    assertEquals(ReplayGuard.Verdict.FRESH, guard.check("other-app", "same", now));
  }

  @Test
  @DisplayName("a stale request does not burn its nonce")
  void staleKeepsNonce() {
    assertEquals(ReplayGuard.Verdict.STALE, guard.check("app", "late", now - 600_000));
    assertEquals(ReplayGuard.Verdict.FRESH, guard.check("app", "late", now));
  }
}
