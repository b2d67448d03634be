package io.parley.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.server.config.ServerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits failed logins so that credentials cannot be guessed: one token bucket per source address and one per app
 * user, each failure takes a token, and while either bucket is empty every login of that address or user is refused
 * before its credential is even looked at. Successful logins cost nothing.
 */
public final class LoginThrottle {
  private final ServerConfig.LoginThrottle limits;
  private final Clock clock;
  private final Cache<String, Bucket> byAddress;
  private final Cache<String, Bucket> byUser;

  public LoginThrottle(ServerConfig.LoginThrottle limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
    this.byAddress = buckets(limits.addressBurst(), limits.addressPerMinute());
    this.byUser = buckets(limits.userBurst(), limits.userPerMinute());
  }

  private static Cache<String, Bucket> buckets(int burst, int perMinute) {
    // A bucket left alone long enough to refill completely carries no information: let it go.
    long refillMillis = (long) Math.ceil(burst * 60_000.0 / perMinute);
    return Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMillis(refillMillis + 1000)).build();
  }

  /** Why this attempt is refused without a check, or empty when it may be checked. */
  public Optional<String> refusal(LoginAttempt attempt) {
    long now = clock.millis();
    Bucket address = byAddress.getIfPresent(attempt.sourceAddress());
    if (address != null) {
      long wait = address.millisUntilToken(now, limits.addressBurst(), limits.addressPerMinute());
      if (wait > 0) {
        return Optional.of("Too many failed logins from " + attempt.sourceAddress() + "; try again in "
            + seconds(wait) + " s.");
      }
    }
    Bucket user = byUser.getIfPresent(userKey(attempt));
    if (user != null) {
      long wait = user.millisUntilToken(now, limits.userBurst(), limits.userPerMinute());
      if (wait > 0) {
        return Optional.of("Too many failed logins for user \"" + attempt.userId() + "\" of app " + attempt.appId()
            + "; try again in " + seconds(wait) + " s.");
      }
    }
    return Optional.empty();
  }

  /** Records a refused credential against the attempt's address and user. */
  public void failed(LoginAttempt attempt) {
    long now = clock.millis();
    byAddress.get(attempt.sourceAddress(), k -> new Bucket(limits.addressBurst(), now))
        .take(now, limits.addressBurst(), limits.addressPerMinute());
    if (!attempt.userId().isEmpty()) {
      byUser.get(userKey(attempt), k -> new Bucket(limits.userBurst(), now))
          .take(now, limits.userBurst(), limits.userPerMinute());
    }
  }

  private static String userKey(LoginAttempt attempt) {
    return attempt.appId() + '\0' + attempt.userId();
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /** A token bucket: {@code tokens} left as of {@code asOfMillis}. */
  private static final class Bucket {
    private double tokens;
    private long asOfMillis;

    Bucket(int burst, long now) {
      this.tokens = burst;
      this.asOfMillis = now;
    }

    synchronized void take(long now, int burst, int perMinute) {
      refill(now, burst, perMinute);
      tokens = Math.max(0, tokens - 1);
    }

    synchronized long millisUntilToken(long now, int burst, int perMinute) {
      refill(now, burst, perMinute);
      return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 60_000.0 / perMinute);
    }

    private void refill(long now, int burst, int perMinute) {
      if (now > asOfMillis) {
        tokens = Math.min(burst, tokens + (now - asOfMillis) * perMinute / 60_000.0);
        asOfMillis = now;
      }
    }
  }
}
