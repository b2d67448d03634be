package io.parley.server.store;

/**
 * Counters since the store was opened: append requests processed (duplicates included), of which duplicates,
 * group-commit batches that held at least one append, and WAL fsyncs.
 */
public record StoreStats(long appends, long duplicates, long batches, long syncs) {
}
