package io.parley.server.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * The puts of one group commit, collected per column family and handed to a {@link WriteBatch} in ascending key
 * order. A memtable remembers where its last insert landed, so a key next to the previous one (a pair's next message,
 * a user's next timeline entry) is inserted in O(1) instead of a search from the skip list's top. The sort is stable,
 * so a key put twice keeps its puts' order and the last one still wins, as in a plain WriteBatch.
 */
final class SortedPuts {
  private record Put(byte[] key, byte[] value) {}

  private final Map<ColumnFamilyHandle, List<Put>> byFamily = new IdentityHashMap<>();
  private int count;

  void put(ColumnFamilyHandle cf, byte[] key, byte[] value) {
    byFamily.computeIfAbsent(cf, ignored -> new ArrayList<>()).add(new Put(key, value));
    count++;
  }

  int count() {
    return count;
  }

  /** Adds every put to {@code batch}, family by family, each family's keys in ascending unsigned byte order. */
  void writeTo(WriteBatch batch) throws RocksDBException {
    for (Map.Entry<ColumnFamilyHandle, List<Put>> family : byFamily.entrySet()) {
      List<Put> puts = family.getValue();
      puts.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
      for (Put put : puts) {
        batch.put(family.getKey(), put.key(), put.value());
      }
    }
  }
}
