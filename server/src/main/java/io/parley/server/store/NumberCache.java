package io.parley.server.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.RocksDBException;

/**
 * One stored number per key, cached for the writer thread alone (no locks): a bounded LRU map that reads the store
 * through {@code loader} on a miss. Seq counters and stored cursors are both kept this way.
 */
final class NumberCache<K> {

  /** Reads a key's number from the store. */
  @FunctionalInterface
  interface Loader<K> {
    long load(K key) throws RocksDBException;
  }

  private final Loader<K> loader;
  private final LinkedHashMap<K, Long> values;

  NumberCache(int capacity, Loader<K> loader) {
    this.loader = loader;
    this.values = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, Long> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The key's number, from the cache or else the store. */
  long get(K key) throws RocksDBException {
    Long value = values.get(key);
    if (value == null) {
      value = loader.load(key);
      values.put(key, value);
    }
    return value;
  }

  /** Records a number about to be written; {@link #forget} undoes it if that write fails. */
  void put(K key, long value) {
    values.put(key, value);
  }

  /** Drops cached numbers so they are read again from the store. */
  void forget(Collection<K> keys) {
    for (K key : keys) {
      values.remove(key);
    }
  }
}
