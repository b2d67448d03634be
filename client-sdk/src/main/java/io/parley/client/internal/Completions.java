package io.parley.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Completes the app's futures on the callback pool, never on the event loop: a dependent stage the app attached then
 * runs off the network thread, and may block.
 */
final class Completions {
  private final Executor pool;

  Completions(Executor pool) {
    this.pool = pool;
  }

  <T> void complete(CompletableFuture<T> future, T value) {
    pool.execute(() -> future.complete(value));
  }

  <T> void fail(CompletableFuture<T> future, Throwable error) {
    pool.execute(() -> future.completeExceptionally(error));
  }

  /** Completes {@code target} as {@code source} completes (on whichever thread completes {@code source}). */
  static <T> void link(CompletableFuture<T> source, CompletableFuture<T> target) {
    source.whenComplete(
        (value, error) -> {
          if (error != null) {
            target.completeExceptionally(error);
          } else {
            target.complete(value);
          }
        });
  }
}
