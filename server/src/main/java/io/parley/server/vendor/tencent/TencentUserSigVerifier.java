package io.parley.server.vendor.tencent;

import io.parley.server.auth.AuthResult;
import io.parley.server.auth.CredentialVerifier;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.auth.OffLoop;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.App;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.tencent.DecodedUserSig;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.credential.tencent.UserSigCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Verifies Tencent UserSigs: a cache hit is answered on the caller's thread, a miss is checked on the verify
 * executor and cached, if valid, until the UserSig's own expiry.
 */
final class TencentUserSigVerifier implements CredentialVerifier {
  private final Executor verifyExecutor;
  private final Clock clock;
  private final Cache<UserSigCacheKey, DecodedUserSig> verified;
  /** False with a cache size of 0: every login is checked in full (benchmarks of the cold path). */
  private final boolean caching;

  /** Forgets every verified UserSig of this app (its key changed or it was removed). */
  @Override
  public void forget(String appId) {
    verified.asMap().keySet().removeIf(k -> k.appId().equals(appId));
  }

  TencentUserSigVerifier(Executor verifyExecutor, Clock clock, int cacheMaxEntries) {
    this.verifyExecutor = verifyExecutor;
    this.clock = clock;
    this.caching = cacheMaxEntries > 0;
    this.verified = Caffeine.newBuilder()
        .maximumSize(cacheMaxEntries)
        .expireAfter(new UserSigExpiry(clock))
        .build();
  }

  @Override
  public CompletableFuture<AuthResult> verify(App app, LoginAttempt attempt) {
    String userId = attempt.userId();
    String userSig = attempt.credential();
    if (userSig == null || userSig.isEmpty()) {
      return CompletableFuture.completedFuture(
          AuthResult.refused(ErrorCodes.TENCENT_USERSIG_INVALID, "UserSig is missing."));
    }
    UserSigCacheKey key = new UserSigCacheKey(app.id(), userSig);
    DecodedUserSig cached = verified.getIfPresent(key);
    if (cached != null) {
      return CompletableFuture.completedFuture(recheck(app, key, cached, userId));
    }
    return OffLoop.verify(verifyExecutor, () -> checkAndCache(key, app, userId), "UserSig");
  }

  /** What the cache still has to decide for a signature it has already verified: who, and whether still valid. */
  private AuthResult recheck(App app, UserSigCacheKey key, DecodedUserSig d, String userId) {
    if (!d.identifier().equals(userId)) {
      return AuthResult.refused(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH,
          "UserSig was issued for identifier \"" + d.identifier() + "\", not for \"" + userId + "\".");
    }
    long expiresAtMillis = AuthTime.epochMillis(d.expiresAtEpochSeconds());
    if (clock.millis() >= expiresAtMillis) {
      verified.invalidate(key);
      return AuthResult.refused(ErrorCodes.TENCENT_USERSIG_EXPIRED,
          "UserSig expired at " + Instant.ofEpochMilli(expiresAtMillis) + " (issued "
              + Instant.ofEpochSecond(d.time()) + ", valid " + d.expire() + " s).");
    }
    return AuthResult.ok(app, userId, expiresAtMillis);
  }

  private AuthResult checkAndCache(UserSigCacheKey key, App app, String userId) {
    UserSigCheck check = UserSig.check(
        key.userSig(), app.sdkAppId(), app.secrets(AppSecrets.Tencent.class).key(), userId, Math.floorDiv(clock.millis(), 1000L));
    return switch (check.outcome()) {
      case OK -> {
        if (caching) {
          verified.put(key, check.decodedOrNull());
        }
        yield AuthResult.ok(app, userId, AuthTime.epochMillis(check.decodedOrNull().expiresAtEpochSeconds()));
      }
      case EXPIRED -> AuthResult.refused(ErrorCodes.TENCENT_USERSIG_EXPIRED, check.reason());
      case UNDECODABLE -> AuthResult.refused(ErrorCodes.TENCENT_USERSIG_INVALID, check.reason());
      case BAD_SIGNATURE -> AuthResult.refused(ErrorCodes.TENCENT_SIGNATURE_MISMATCH, check.reason());
      case IDENTIFIER_MISMATCH -> AuthResult.refused(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, check.reason());
      case SDKAPPID_MISMATCH -> AuthResult.refused(ErrorCodes.TENCENT_SDKAPPID_MISMATCH, check.reason());
    };
  }
}
