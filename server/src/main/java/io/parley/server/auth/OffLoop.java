package io.parley.server.auth;

import io.parley.protocol.ErrorCodes;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/** Runs a credential check on the verify executor; a failing check or a full executor becomes a refusal, never an exception. */
public final class OffLoop {
  private OffLoop() {}

  public static CompletableFuture<AuthResult> verify(Executor executor, Supplier<AuthResult> check, String what) {
    try {
      return CompletableFuture.supplyAsync(check, executor)
          .exceptionally(failure -> AuthResult.refused(ErrorCodes.INTERNAL,
              "The server failed while verifying the " + what + "; try again."));
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(AuthResult.refused(ErrorCodes.UNAVAILABLE,
          "The server is too busy to verify credentials right now; try again shortly."));
    }
  }
}
