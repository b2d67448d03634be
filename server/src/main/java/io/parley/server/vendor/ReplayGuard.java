package io.parley.server.vendor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;

/**
 * The freshness check signed vendor requests share: a request time within a window of now, and a nonce not seen
 * before within that window (per app), so that a captured request cannot be replayed. Thread-safe.
 */
public final class ReplayGuard {
  /** Why a request was refused, or {@link #FRESH}. */
  public enum Verdict { FRESH, STALE, REPLAYED }

  private final Clock clock;
  private final Duration window;
  private final Cache<String, Boolean> seen;

  /** @param window how far the request time may be from now, either way; nonces are remembered twice as long */
  public ReplayGuard(Clock clock, Duration window) {
    this.clock = clock;
    this.window = window;
    this.seen = Caffeine.newBuilder().expireAfterWrite(window.multipliedBy(2)).maximumSize(1_000_000).build();
  }

  /** Checks and records one request: its app, its nonce, and its time in milliseconds since the epoch. */
  public Verdict check(String appId, String nonce, long requestTimeMillis) {
    if (Math.abs(clock.millis() - requestTimeMillis) > window.toMillis()) {
      return Verdict.STALE;
    }
    return seen.asMap().putIfAbsent(appId + '\u0000' + nonce, Boolean.TRUE) == null ? Verdict.FRESH : Verdict.REPLAYED;
  }
}
