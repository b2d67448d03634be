package io.parley.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The login throttle")
class LoginThrottleTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));
  // 5 failures per address (refilling 60/min = 1/s), 3 per user (refilling 6/min = 1 every 10 s)
  final LoginThrottle throttle = new LoginThrottle(new ServerConfig.LoginThrottle(5, 60, 3, 6), clock);

  static LoginAttempt attempt(String address, String user) {
    return new LoginAttempt("app", user, CredentialKind.NETEASE_TOKEN, "x", address);
  }

  @Test
  @DisplayName("lets a user fail as often as the user burst allows, then refuses that user from any address")
  void userBurst() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), throttle.refusal(attempt("10.0.0." + i, "alice")));
      throttle.failed(attempt("10.0.0." + i, "alice"));
    }

    Optional<String> refusal = throttle.refusal(attempt("10.0.0.99", "alice"));
    assertTrue(refusal.isPresent());
    assertTrue(refusal.get().contains("\"alice\"") && refusal.get().contains("try again in 10 s"), refusal.get());
    assertEquals(Optional.empty(), throttle.refusal(attempt("10.0.0.99", "bob")), "other users are not affected");
  }

  @Test
  @DisplayName("refuses an address that failed for many users, and only that address")
  void addressBurst() {
    for (int i = 0; i < 5; i++) {
      throttle.failed(attempt("10.0.0.1", "user" + i));
    }

    assertTrue(throttle.refusal(attempt("10.0.0.1", "someone-new")).orElseThrow().contains("10.0.0.1"));
    assertEquals(Optional.empty(), throttle.refusal(attempt("10.0.0.2", "someone-new")));
  }

  @Test
  @DisplayName("recovers as its buckets refill: one attempt per refill interval, then the full burst")
  void recovers() {
    for (int i = 0; i < 3; i++) {
      throttle.failed(attempt("10.0.0.1", "alice"));
    }
    assertTrue(throttle.refusal(attempt("10.0.0.1", "alice")).isPresent());

    clock.advance(Duration.ofSeconds(9));
    assertTrue(throttle.refusal(attempt("10.0.0.1", "alice")).isPresent(), "not yet: one token takes 10 s");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Optional.empty(), throttle.refusal(attempt("10.0.0.1", "alice")));
    throttle.failed(attempt("10.0.0.1", "alice"));
    assertTrue(throttle.refusal(attempt("10.0.0.1", "alice")).isPresent(), "one failure empties it again");

    clock.advance(Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), throttle.refusal(attempt("10.0.0.1", "alice")), "a full burst after a long pause");
      throttle.failed(attempt("10.0.0.1", "alice"));
    }
  }

  @Test
  @DisplayName("successful logins cost nothing: only failures are counted")
  void onlyFailuresCount() {
    for (int i = 0; i < 100; i++) {
      assertEquals(Optional.empty(), throttle.refusal(attempt("10.0.0.1", "alice")));
    }
  }
}
