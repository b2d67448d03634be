package io.parley.server.auth;

import io.parley.server.app.App;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the credentials of one vendor kind for an app. Implementations answer cache hits on the caller's thread and
 * run anything slow (signature checks, store reads) on the executor they were given; the future never completes
 * exceptionally.
 */
interface CredentialVerifier {
  CompletableFuture<AuthResult> verify(App app, LoginAttempt attempt);
}
