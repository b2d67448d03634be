package io.parley.server.store;

import java.util.Objects;

/**
 * Tuning of a {@link Store}: sync policy, the largest group-commit batch, and how many appends may wait
 * for the writer before {@link MessageWriter#append} fails fast with {@link StoreOverloadedException}.
 */
public record StoreOptions(SyncPolicy syncPolicy, int maxBatch, int maxQueuedAppends) {

  public StoreOptions {
    Objects.requireNonNull(syncPolicy, "syncPolicy");
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    }
    if (maxQueuedAppends < 1) {
      throw new IllegalArgumentException("maxQueuedAppends must be at least 1: " + maxQueuedAppends);
    }
  }

  /** FSYNC, batches of up to 2048 appends, at most 65536 appends waiting. */
  public static StoreOptions defaults() {
    return new StoreOptions(SyncPolicy.FSYNC, 2048, 65536);
  }

  public StoreOptions withSyncPolicy(SyncPolicy policy) {
    return new StoreOptions(policy, maxBatch, maxQueuedAppends);
  }

  public StoreOptions withMaxBatch(int batch) {
    return new StoreOptions(syncPolicy, batch, maxQueuedAppends);
  }

  public StoreOptions withMaxQueuedAppends(int queued) {
    return new StoreOptions(syncPolicy, maxBatch, queued);
  }
}
