package io.parley.server.store;

/** How durable a committed batch is before its appends are acknowledged. */
public enum SyncPolicy {
  /** Every batch that stores a message is followed by one WAL fsync (the default). */
  FSYNC,
  /** Batches go to the WAL without fsync: a crash of the machine may lose acknowledged appends. For comparisons only. */
  NONE
}
