package io.parley.server.store;

import java.util.Collection;
import org.rocksdb.RocksDBException;

/**
 * Newest seq of each group's history, owned by the writer thread alone (no locks): cached, with one reverse seek on
 * the messages column family when a group is not cached.
 */
final class GroupSeqs {

  /** A group within an app. */
  record Group(String appId, String groupId) {
  }

  private final NumberCache<Group> newest;

  GroupSeqs(Database db, int capacity) {
    this.newest = new NumberCache<>(capacity, g -> db.newestGroupSeq(g.appId(), g.groupId()));
  }

  /** Reserves and returns the group's next seq. */
  long next(Group group) throws RocksDBException {
    long next = newest.get(group) + 1;
    newest.put(group, next);
    return next;
  }

  /** Drops cached counters so they are reloaded from disk, e.g. after a batch carrying them failed to write. */
  void forget(Collection<Group> groups) {
    newest.forget(groups);
  }
}
