package io.parley.server.store;

/** The store was closed before this operation could run. */
public final class StoreClosedException extends RuntimeException {

  StoreClosedException() {
    super("store is closed");
  }
}
