package io.parley.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.RocksDBException;

/**
 * Lets reads and small writes touch the database only while the store is open: they share a lock that closing takes
 * exclusively, a call after close fails with {@link StoreClosedException}, and a RocksDB failure becomes an
 * {@link UncheckedIOException}. One per store, shared by its parts.
 */
final class OpenGuard {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  /** A database call that may fail the RocksDB way. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws RocksDBException;
  }

  /** Runs {@code call} while the store is open; {@code family} (empty for none) prefixes a failure's message. */
  <T> T run(String family, Call<T> call) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new StoreClosedException();
      }
      return call.run();
    } catch (RocksDBException e) {
      throw new UncheckedIOException(new IOException(family.isEmpty() ? e.getMessage() : family + ": " + e.getMessage(), e));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Waits for running calls, then runs {@code closer} once; later calls fail as closed. */
  void close(Runnable closer) {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        closer.run();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }
}
