package io.parley.server.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.RocksDBException;

/**
 * The newest stored cursor per device, owned by the writer thread alone: a bounded LRU map that falls back to one
 * read of the cursors column family, so that a cursor save (one per ack) costs no store read in the common case.
 */
final class PersistedCursors {
  private final Database db;
  private final LinkedHashMap<PendingCursors.Device, Long> stored;

  PersistedCursors(Database db, int capacity) {
    this.db = db;
    this.stored = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<PendingCursors.Device, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The device's stored cursor, 0 when it has none. */
  long get(PendingCursors.Device device, byte[] key) throws RocksDBException {
    Long seq = stored.get(device);
    if (seq == null) {
      seq = db.getLong(db.cursors(), key);
      stored.put(device, seq);
    }
    return seq;
  }

  /** Records a cursor that is in the batch being written; {@link #forget} undoes it if that batch fails. */
  void put(PendingCursors.Device device, long seq) {
    stored.put(device, seq);
  }

  /** Drops cached cursors so they are read again from disk. */
  void forget(Collection<PendingCursors.Device> devices) {
    for (PendingCursors.Device device : devices) {
      stored.remove(device);
    }
  }
}
