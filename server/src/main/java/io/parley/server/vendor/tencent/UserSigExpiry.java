package io.parley.server.vendor.tencent;

import com.github.benmanes.caffeine.cache.Expiry;
import io.parley.protocol.credential.tencent.DecodedUserSig;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Keeps a verified UserSig in the cache exactly until its own expiry, as read from the given clock. */
final class UserSigExpiry implements Expiry<UserSigCacheKey, DecodedUserSig> {
  private final Clock clock;

  UserSigExpiry(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long expireAfterCreate(UserSigCacheKey key, DecodedUserSig value, long currentTime) {
    return nanosUntilExpiry(value);
  }

  @Override
  public long expireAfterUpdate(UserSigCacheKey key, DecodedUserSig value, long currentTime, long currentDuration) {
    return nanosUntilExpiry(value);
  }

  @Override
  public long expireAfterRead(UserSigCacheKey key, DecodedUserSig value, long currentTime, long currentDuration) {
    return currentDuration;
  }

  private long nanosUntilExpiry(DecodedUserSig value) {
    long millisLeft = Math.max(0L, AuthTime.epochMillis(value.expiresAtEpochSeconds()) - clock.millis());
    return TimeUnit.MILLISECONDS.toNanos(millisLeft); // saturates at Long.MAX_VALUE
  }
}
