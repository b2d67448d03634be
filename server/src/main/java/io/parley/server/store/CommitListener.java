package io.parley.server.store;

import java.util.List;

/**
 * Told about every batch once it is durable, on the completer thread, before the batch's futures complete, in commit
 * order. The list holds only the non-duplicate results and is never empty. Implementations must be quick and must
 * not block: the writer goes on meanwhile, but only a few batches may wait for the completer before it stalls every
 * later append.
 */
@FunctionalInterface
public interface CommitListener {

  /** A listener that does nothing. */
  CommitListener NONE = batch -> { };

  void committed(List<AppendResult> batch);

  /**
   * Recalls of the same batch that took effect (never {@link RecallResult.Outcome#ALREADY_RECALLED} or not found),
   * after {@link #committed} and under the same rules. Does nothing by default.
   */
  default void recalled(List<RecallResult> recalls) {
  }
}
