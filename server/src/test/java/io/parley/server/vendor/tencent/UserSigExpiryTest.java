package io.parley.server.vendor.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.protocol.credential.tencent.DecodedUserSig;
import io.parley.server.support.MutableClock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cache expiry of verified UserSigs")
class UserSigExpiryTest {
  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_000));
  final UserSigExpiry expiry = new UserSigExpiry(clock);
  final UserSigCacheKey key = new UserSigCacheKey("1400000000", "sig");

  static DecodedUserSig issued(long time, long expire) {
    return new DecodedUserSig("2.0", "alice", 1_400_000_000L, time, expire, "sig", null);
  }

  @Test
  @DisplayName("an entry lives until the UserSig's own expiry on the given clock")
  void untilOwnExpiry() {
    assertEquals(TimeUnit.SECONDS.toNanos(500), expiry.expireAfterCreate(key, issued(900, 600), 0L));
    assertEquals(TimeUnit.SECONDS.toNanos(500), expiry.expireAfterUpdate(key, issued(900, 600), 0L, 7L));
  }

  @Test
  @DisplayName("reading an entry does not extend it")
  void readKeepsDeadline() {
    assertEquals(42L, expiry.expireAfterRead(key, issued(900, 600), 0L, 42L));
  }

  @Test
  @DisplayName("an already expired UserSig gets no time, and a far-future one saturates")
  void bounds() {
    assertEquals(0L, expiry.expireAfterCreate(key, issued(0, 10), 0L));
    assertEquals(Long.MAX_VALUE, expiry.expireAfterCreate(key, issued(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2), 0L));
  }
}
