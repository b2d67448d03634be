package io.parley.server.auth;

import io.parley.server.app.App;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the credentials of one kind for an app. Implementations (one per vendor credential kind, in the vendor
 * packages) answer cache hits on the caller's thread and run anything slow (signature checks, store reads) on the
 * executor they were given; the future never completes exceptionally.
 */
public interface CredentialVerifier {
  CompletableFuture<AuthResult> verify(App app, LoginAttempt attempt);

  /** Whether the credential itself names the user, so that a login may leave its user id empty. */
  default boolean namesUser() {
    return false;
  }

  /** Drops whatever was cached for an app whose secrets changed or which was removed. */
  default void forget(String appId) {}
}
