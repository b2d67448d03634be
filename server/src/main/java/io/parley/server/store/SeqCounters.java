package io.parley.server.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.RocksDBException;

/**
 * Newest timeline seq per user, owned by the writer thread alone (no locks): a bounded LRU map that falls back to
 * one reverse seek on the timelines column family when a user is not cached.
 */
final class SeqCounters {

  /** A user within an app. */
  record User(String appId, String userId) {
  }

  private final Database db;
  private final LinkedHashMap<User, Long> newest;

  SeqCounters(Database db, int capacity) {
    this.db = db;
    this.newest = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<User, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** Reserves and returns the user's next seq. */
  long next(User user) throws RocksDBException {
    Long current = newest.get(user);
    long next = (current != null ? current : db.newestSeq(user.appId(), user.userId())) + 1;
    newest.put(user, next);
    return next;
  }

  /** Drops cached counters so they are reloaded from disk, e.g. after a batch carrying them failed to write. */
  void forget(Collection<User> users) {
    for (User user : users) {
      newest.remove(user);
    }
  }
}
