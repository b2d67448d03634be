package io.parley.server.store;

import java.util.Collection;
import org.rocksdb.RocksDBException;

/**
 * Newest timeline seq per user, owned by the writer thread alone (no locks): cached, with one reverse seek on the
 * timelines column family when a user is not cached.
 */
final class SeqCounters {

  /** A user within an app. */
  record User(String appId, String userId) {
  }

  private final NumberCache<User> newest;

  SeqCounters(Database db, int capacity) {
    this.newest = new NumberCache<>(capacity, user -> db.newestSeq(user.appId(), user.userId()));
  }

  /** Reserves and returns the user's next seq. */
  long next(User user) throws RocksDBException {
    long next = newest.get(user) + 1;
    newest.put(user, next);
    return next;
  }

  /** Drops cached counters so they are reloaded from disk, e.g. after a batch carrying them failed to write. */
  void forget(Collection<User> users) {
    newest.forget(users);
  }
}
