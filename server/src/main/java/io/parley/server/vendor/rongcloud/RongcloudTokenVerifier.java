package io.parley.server.vendor.rongcloud;

import io.parley.server.auth.AuthResult;
import io.parley.server.auth.CredentialVerifier;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.auth.OffLoop;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.App;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.rongcloud.DecodedRongcloudToken;
import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.credential.rongcloud.RongcloudTokenCheck;
import io.parley.server.vendor.Accounts;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Verifies the Rongcloud tokens Parley issues: HMAC under a key derived from the app's secret, for the app and user
 * they name, and not issued before the app last expired that user's tokens. Runs on the verify executor because the
 * revocation time may need a store read; signature checks are cached per token.
 */
final class RongcloudTokenVerifier implements CredentialVerifier {
  private final Accounts accounts;
  private final Executor executor;
  private final ConcurrentHashMap<String, byte[]> keys = new ConcurrentHashMap<>();
  private final Cache<String, DecodedRongcloudToken> signatureOk;
  /** False with a cache size of 0: every token's signature is checked (benchmarks of the cold path). */
  private final boolean caching;

  RongcloudTokenVerifier(Accounts accounts, Executor executor, int cacheMaxEntries) {
    this.accounts = accounts;
    this.executor = executor;
    this.caching = cacheMaxEntries > 0;
    this.signatureOk = Caffeine.newBuilder().maximumSize(cacheMaxEntries).build();
  }

  @Override
  public CompletableFuture<AuthResult> verify(App app, LoginAttempt attempt) {
    if (attempt.credential().isEmpty()) {
      return CompletableFuture.completedFuture(
          AuthResult.refused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, "Token is missing."));
    }
    return OffLoop.verify(executor, () -> check(app, attempt), "token");
  }

  private AuthResult check(App app, LoginAttempt attempt) {
    String cacheKey = app.id() + '\0' + attempt.credential();
    DecodedRongcloudToken token = signatureOk.getIfPresent(cacheKey);
    if (token == null) {
      RongcloudTokenCheck check = RongcloudToken.check(attempt.credential(), app.id(), key(app), attempt.userId());
      switch (check.outcome()) {
        case OK -> {
          token = check.decodedOrNull();
          if (caching) {
            signatureOk.put(cacheKey, token);
          }
        }
        case OTHER_APP -> {
          return AuthResult.refused(ErrorCodes.RONGCLOUD_APP_KEY_REJECTED, check.reason());
        }
        default -> {
          return AuthResult.refused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, check.reason());
        }
      }
    } else if (!attempt.userId().isEmpty() && !attempt.userId().equals(token.userId())) {
      return AuthResult.refused(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT,
          "Token was issued for user \"" + token.userId() + "\", not for \"" + attempt.userId() + "\".");
    }
    long validFrom = accounts.rongcloudTokensValidFrom(app, token.userId());
    if (token.issuedAtMillis() < validFrom) {
      return AuthResult.refused(ErrorCodes.RONGCLOUD_TOKEN_EXPIRED, "Token was issued at "
          + Instant.ofEpochMilli(token.issuedAtMillis()) + ", before the app expired user \"" + token.userId()
          + "\"'s tokens at " + Instant.ofEpochMilli(validFrom) + "; get a new token (user/getToken).");
    }
    var block = accounts.rongcloudBlock(app, token.userId());
    if (block.isPresent()) {
      return AuthResult.refused(ErrorCodes.RONGCLOUD_USER_BLOCKED, "User \"" + token.userId() + "\" is blocked by the"
          + " app until " + Instant.ofEpochMilli(block.get().untilMillis()) + " (user/unblock lifts it).");
    }
    return AuthResult.ok(app, token.userId(), 0);
  }

  private byte[] key(App app) {
    return keys.computeIfAbsent(app.id(),
        id -> RongcloudToken.signingKey(app.secrets(AppSecrets.Rongcloud.class).appSecret()));
  }

  /** Forgets the signing key and verified tokens of an app whose secret changed or that was removed. */
  /** A Rongcloud token names its user: a login may leave the user id empty. */
  @Override
  public boolean namesUser() {
    return true;
  }

  @Override
  public void forget(String appId) {
    keys.remove(appId);
    signatureOk.asMap().keySet().removeIf(k -> k.startsWith(appId + '\0'));
  }
}
