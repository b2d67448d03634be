package io.parley.server.vendor.tencent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.parley.protocol.credential.tencent.DecodedUserSig;
import io.parley.server.app.App;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Admin UserSigs already verified, keyed by app and the whole UserSig string, each kept until its own expiry. An entry
 * is only good for the app's secrets it was verified under: after a config reload changes the key it is checked again.
 */
final class AdminSigCache {
  private static final int MAX_ENTRIES = 10_000;

  /** A UserSig that passed the full check under {@code app}'s secrets. */
  record Verified(App app, DecodedUserSig sig) {}

  private final Clock clock;
  private final Cache<UserSigCacheKey, Verified> verified;

  AdminSigCache(Clock clock) {
    this.clock = clock;
    this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfter(new UntilSigExpiry()).build();
  }

  /** The verified entry for this UserSig of this app, when it was verified under the app's current secrets. */
  Optional<Verified> get(App app, String userSig) {
    return Optional.ofNullable(verified.getIfPresent(new UserSigCacheKey(app.id(), userSig)))
        .filter(v -> app.sameSecretsAs(v.app()));
  }

  void put(App app, String userSig, DecodedUserSig sig) {
    verified.put(new UserSigCacheKey(app.id(), userSig), new Verified(app, sig));
  }

  void forget(App app, String userSig) {
    verified.invalidate(new UserSigCacheKey(app.id(), userSig));
  }

  private long nanosUntilExpiry(Verified v) {
    long expiresAtSeconds = v.sig().expiresAtEpochSeconds();
    long millisLeft = expiresAtSeconds >= Long.MAX_VALUE / 1000 ? Long.MAX_VALUE
        : Math.max(0L, expiresAtSeconds * 1000 - clock.millis());
    return TimeUnit.MILLISECONDS.toNanos(millisLeft); // saturates
  }

  private final class UntilSigExpiry implements Expiry<UserSigCacheKey, Verified> {
    @Override
    public long expireAfterCreate(UserSigCacheKey key, Verified value, long currentTime) {
      return nanosUntilExpiry(value);
    }

    @Override
    public long expireAfterUpdate(UserSigCacheKey key, Verified value, long currentTime, long currentDuration) {
      return nanosUntilExpiry(value);
    }

    @Override
    public long expireAfterRead(UserSigCacheKey key, Verified value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
