package io.parley.server.sync;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Shared helpers of the sync tests. */
final class Fixtures {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Fixtures() {
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
