package io.parley.server.store;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/** Where the writer sends each finished batch: the database, or a wrapper in tests that injects failures. */
@FunctionalInterface
interface BatchSink {

  void write(WriteBatch batch, boolean sync) throws RocksDBException;
}
