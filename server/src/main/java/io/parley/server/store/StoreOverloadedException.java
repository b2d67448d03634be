package io.parley.server.store;

/** An append was refused because too many appends are already waiting for the writer; the caller may retry later. */
public final class StoreOverloadedException extends RuntimeException {

  StoreOverloadedException(int maxQueuedAppends) {
    // No stack trace: this is flow control on a hot path, not a bug.
    super("store overloaded: " + maxQueuedAppends + " appends already queued", null, false, false);
  }
}
