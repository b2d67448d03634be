package io.parley.server.store;

import com.google.protobuf.InvalidProtocolBufferException;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** The RocksDB instance, its column families and their options, and the few raw reads the store needs. */
final class Database implements BatchSink, AutoCloseable {

  static final String MESSAGES = "messages";
  static final String TIMELINES = "timelines";
  static final String CURSORS = "cursors";
  static final String DEDUP = "dedup";
  /** Vendor accounts (see {@link AccountStore}); created on first open of an older data dir. */
  static final String ACCOUNTS = "accounts";
  /** Recall records (see {@link RecallRecords}); created on first open of an older data dir. */
  static final String RECALLS = "recalls";
  /** Groups, their members and the per-user index (see {@link GroupStore}); created on first open of an older data dir. */
  static final String GROUPS = "groups";

  /** Default-CF key holding the last server msg id handed out, so ids keep increasing across restarts. */
  static final byte[] LAST_SERVER_MSG_ID = "last_server_msg_id".getBytes(StandardCharsets.US_ASCII);
  /** Default-CF key holding the on-disk layout version; a store in another layout is refused at open. */
  static final byte[] FORMAT = "format".getBytes(StandardCharsets.US_ASCII);
  /** 2: a timeline value is its message's key. Version 1 (unmarked) stored a whole TimelineEntry per timeline. */
  static final long FORMAT_VERSION = 2;

  private static final long BLOCK_CACHE_BYTES = 64L << 20;
  private static final long WRITE_BUFFER_BYTES = 64L << 20;
  /** Accounts change rarely: small memtables leave the shared write-buffer budget to the message families. */
  private static final long ACCOUNTS_WRITE_BUFFER_BYTES = 8L << 20;
  /**
   * Cap on all memtables together: with 3 memtables per column family (64 MiB each for 5 of them, 8 MiB for
   * accounts, recalls and groups) the per-family limits alone allow 1032 MiB.
   */
  private static final long TOTAL_WRITE_BUFFER_BYTES = 256L << 20;

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final ColumnFamilyHandle defaultCf;
  private final ColumnFamilyHandle messages;
  private final ColumnFamilyHandle timelines;
  private final ColumnFamilyHandle cursors;
  private final ColumnFamilyHandle dedup;
  private final ColumnFamilyHandle accounts;
  private final ColumnFamilyHandle recalls;
  private final ColumnFamilyHandle groups;
  private final WriteOptions syncWrite;
  private final WriteOptions plainWrite;
  /** Always fsyncs, whatever the sync policy: account changes are rare and must survive a crash. */
  private final WriteOptions alwaysSyncWrite;
  /** Native objects that outlive open() and are closed after the database, in this order. */
  private final List<AutoCloseable> owned;

  private Database(RocksDB db, List<ColumnFamilyHandle> handles, WriteOptions syncWrite, WriteOptions plainWrite,
           WriteOptions alwaysSyncWrite, List<AutoCloseable> owned) {
    this.db = db;
    this.handles = handles;
    this.defaultCf = handles.get(0);
    this.messages = handles.get(1);
    this.timelines = handles.get(2);
    this.cursors = handles.get(3);
    this.dedup = handles.get(4);
    this.accounts = handles.get(5);
    this.recalls = handles.get(6);
    this.groups = handles.get(7);
    this.syncWrite = syncWrite;
    this.plainWrite = plainWrite;
    this.alwaysSyncWrite = alwaysSyncWrite;
    this.owned = owned;
  }

  static Database open(Path dir, SyncPolicy policy) throws RocksDBException {
    List<AutoCloseable> owned = new ArrayList<>();
    Database database;
    try {
      LRUCache cache = add(owned, new LRUCache(BLOCK_CACHE_BYTES));
      BloomFilter bloom = add(owned, new BloomFilter(10));
      ColumnFamilyOptions plain = add(owned, columnOptions(new BlockBasedTableConfig().setBlockCache(cache)));
      ColumnFamilyOptions filtered = add(owned, columnOptions(new BlockBasedTableConfig()
          .setBlockCache(cache)
          .setFilterPolicy(bloom)
          .setCacheIndexAndFilterBlocks(true)
          .setPinL0FilterAndIndexBlocksInCache(true)))
          // Every new message looks up its dedup key and almost never finds it: a whole-key bloom
          // filter in each memtable answers "absent" without walking the skip lists.
          .setMemtablePrefixBloomSizeRatio(0.05)
          .setMemtableWholeKeyFiltering(true);
      // Logins look accounts up by key, and a user who never had a record (most Rongcloud users) is a miss: SST
      // bloom filters answer those without reading data blocks.
      ColumnFamilyOptions accounts = add(owned, columnOptions(new BlockBasedTableConfig()
          .setBlockCache(cache)
          .setFilterPolicy(bloom)))
          .setWriteBufferSize(ACCOUNTS_WRITE_BUFFER_BYTES);
      DBOptions dbOptions = add(owned, new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setMaxBackgroundJobs(2)
          .setDbWriteBufferSize(TOTAL_WRITE_BUFFER_BYTES)
          .setBytesPerSync(1 << 20)
          .setKeepLogFileNum(5));
      WriteOptions syncWrite = add(owned, new WriteOptions().setSync(policy == SyncPolicy.FSYNC));
      WriteOptions plainWrite = add(owned, new WriteOptions().setSync(false));
      WriteOptions alwaysSyncWrite = add(owned, new WriteOptions().setSync(true));
      List<ColumnFamilyDescriptor> descriptors = List.of(
          new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, plain),
          new ColumnFamilyDescriptor(bytes(MESSAGES), plain),
          new ColumnFamilyDescriptor(bytes(TIMELINES), plain),
          new ColumnFamilyDescriptor(bytes(CURSORS), plain),
          new ColumnFamilyDescriptor(bytes(DEDUP), filtered),
          new ColumnFamilyDescriptor(bytes(ACCOUNTS), accounts),
          // Rarely written, and every read of messages looks their keys up here and almost never finds one: the
          // accounts' small memtables and bloom filters fit it as well.
          new ColumnFamilyDescriptor(bytes(RECALLS), accounts),
          // Membership changes are rare next to messages, and reads are point gets and short scans: as accounts.
          new ColumnFamilyDescriptor(bytes(GROUPS), accounts));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      // Close order: handles, then db (done in close()), then these options, newest first.
      Collections.reverse(owned);
      database = new Database(db, handles, syncWrite, plainWrite, alwaysSyncWrite, owned);
    } catch (RocksDBException | RuntimeException e) {
      Collections.reverse(owned);
      closeAll(owned);
      throw e;
    }
    try {
      database.checkFormat(dir);
    } catch (RocksDBException | RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /** Marks a new store with the current layout; refuses a store written in another one. */
  private void checkFormat(Path dir) throws RocksDBException {
    long stored = getLong(defaultCf, FORMAT);
    if (stored == 0 && db.get(defaultCf, LAST_SERVER_MSG_ID) == null) {
      db.put(defaultCf, syncWrite, FORMAT, Keys.longBytes(FORMAT_VERSION));
    } else if (stored != FORMAT_VERSION) {
      throw new RocksDBException("store in " + dir + " has layout version " + Math.max(stored, 1)
          + "; this server reads version " + FORMAT_VERSION + " only");
    }
  }

  /** Tuned for an append-heavy load of small values. The WAL and its per-batch sync are untouched. */
  private static ColumnFamilyOptions columnOptions(BlockBasedTableConfig table) {
    return new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        // 64 MiB memtables (RocksDB's default, stated here) and 3 of them instead of 2, so a flush in
        // progress and a full memtable waiting for it do not stall the writer. All column families
        // together stay under TOTAL_WRITE_BUFFER_BYTES (see DBOptions).
        .setWriteBufferSize(WRITE_BUFFER_BYTES)
        .setMaxWriteBufferNumber(3)
        // Level sizes follow the data actually stored, which keeps write amplification near its
        // minimum as the store grows (already the default since RocksDB 8.4; stated so nobody undoes it).
        .setLevelCompactionDynamicLevelBytes(true)
        // LZ4 on every level. Leaving L0 and L1 uncompressed was measured (1.5M appends, 8 threads) and
        // cost more compaction CPU (7% of a core instead of 5%) and 38% more disk: compaction then
        // moves more bytes, and LZ4 is cheap next to that.
        .setCompressionType(CompressionType.LZ4_COMPRESSION);
  }

  private static <T extends AutoCloseable> T add(List<AutoCloseable> owned, T resource) {
    owned.add(resource);
    return resource;
  }

  private static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  ColumnFamilyHandle defaultCf() {
    return defaultCf;
  }

  ColumnFamilyHandle messages() {
    return messages;
  }

  ColumnFamilyHandle timelines() {
    return timelines;
  }

  ColumnFamilyHandle cursors() {
    return cursors;
  }

  ColumnFamilyHandle dedup() {
    return dedup;
  }

  ColumnFamilyHandle accounts() {
    return accounts;
  }

  ColumnFamilyHandle recalls() {
    return recalls;
  }

  ColumnFamilyHandle groups() {
    return groups;
  }

  byte[] get(ColumnFamilyHandle cf, byte[] key) throws RocksDBException {
    return db.get(cf, key);
  }

  @Override
  public void write(WriteBatch batch, boolean sync) throws RocksDBException {
    db.write(sync ? syncWrite : plainWrite, batch);
  }

  /** Writes the batch and fsyncs the WAL before returning, whatever the store's sync policy. */
  void writeSynced(WriteBatch batch) throws RocksDBException {
    db.write(alwaysSyncWrite, batch);
  }

  /** An iterator over one column family; the caller closes it. */
  RocksIterator newIterator(ColumnFamilyHandle cf) {
    return db.newIterator(cf);
  }

  /** The values of {@code keys} in {@code cf}, in their order; null where a key is absent. */
  List<byte[]> multiGet(ColumnFamilyHandle cf, List<byte[]> keys) throws RocksDBException {
    return db.multiGetAsList(Collections.nCopies(keys.size(), cf), keys);
  }

  /** A stored 8-byte number, or 0 when the key is absent. */
  long getLong(ColumnFamilyHandle cf, byte[] key) throws RocksDBException {
    byte[] value = db.get(cf, key);
    return value == null ? 0 : Keys.readLong(value, 0);
  }

  /** The highest seq in the user's timeline, or 0 when it is empty: one reverse seek. */
  long newestSeq(String appId, String userId) throws RocksDBException {
    byte[] prefix = Keys.timelinePrefix(appId, userId);
    try (RocksIterator it = db.newIterator(timelines)) {
      it.seekForPrev(Keys.timeline(appId, userId, -1L)); // all-0xFF seq: past every real entry
      if (it.isValid()) {
        byte[] key = it.key();
        if (Keys.startsWith(key, prefix) && key.length == prefix.length + Long.BYTES) {
          return Keys.trailingNumber(key);
        }
      }
      it.status();
      return 0;
    }
  }

  /** The newest seq of a group's history; 0 when it has none. One reverse seek on the messages family. */
  long newestGroupSeq(String appId, String groupId) throws RocksDBException {
    byte[] prefix = Keys.groupPrefix(appId, groupId);
    try (RocksIterator it = db.newIterator(messages)) {
      it.seekForPrev(Keys.groupEvent(appId, groupId, -1L));
      if (it.isValid()) {
        byte[] key = it.key();
        if (Keys.startsWith(key, prefix) && key.length == prefix.length + Long.BYTES) {
          return Keys.trailingNumber(key);
        }
      }
      it.status();
      return 0;
    }
  }

  /**
   * A group's history after {@code afterSeq}, ascending, at most {@code limit}: each entry's seq is its group seq.
   * Recalled messages read as recalled.
   */
  List<TimelineEntry> readGroup(String appId, String groupId, long afterSeq, int limit) throws RocksDBException {
    List<TimelineEntry> out = new ArrayList<>(Math.min(Math.max(limit, 0), 256));
    if (limit <= 0 || afterSeq == Long.MAX_VALUE) {
      return out;
    }
    byte[] prefix = Keys.groupPrefix(appId, groupId);
    List<byte[]> keys = new ArrayList<>();
    try (RocksIterator it = db.newIterator(messages)) {
      for (it.seek(Keys.groupEvent(appId, groupId, afterSeq + 1)); it.isValid() && out.size() < limit; it.next()) {
        byte[] key = it.key();
        if (!Keys.startsWith(key, prefix) || key.length != prefix.length + Long.BYTES) {
          break;
        }
        keys.add(key);
        out.add(parseEntry(it.value()).toBuilder().setSeq(Keys.trailingNumber(key)).build());
      }
      it.status();
    }
    return markRecalled(keys, out);
  }

  /**
   * A group's history before {@code beforeSeq}, newest first, at most {@code limit}: each entry's seq is its group
   * seq. One reverse range scan.
   */
  List<TimelineEntry> readGroupBackwards(String appId, String groupId, long beforeSeq, int limit)
      throws RocksDBException {
    List<TimelineEntry> out = new ArrayList<>(Math.min(Math.max(limit, 0), 256));
    if (limit <= 0 || beforeSeq <= 1) {
      return out;
    }
    byte[] prefix = Keys.groupPrefix(appId, groupId);
    List<byte[]> keys = new ArrayList<>();
    try (RocksIterator it = db.newIterator(messages)) {
      for (it.seekForPrev(Keys.groupEvent(appId, groupId, beforeSeq - 1)); it.isValid() && out.size() < limit;
          it.prev()) {
        byte[] key = it.key();
        if (!Keys.startsWith(key, prefix) || key.length != prefix.length + Long.BYTES) {
          break;
        }
        keys.add(key);
        out.add(parseEntry(it.value()).toBuilder().setSeq(Keys.trailingNumber(key)).build());
      }
      it.status();
    }
    return markRecalled(keys, out);
  }

  private List<TimelineEntry> markRecalled(List<byte[]> keys, List<TimelineEntry> out) throws RocksDBException {
    if (keys.isEmpty()) {
      return out;
    }
    List<byte[]> recalled = db.multiGetAsList(Collections.nCopies(keys.size(), recalls), keys);
    for (int i = 0; i < out.size(); i++) {
      TimelineEntry e = out.get(i);
      if (recalled.get(i) != null && e.hasMessage()) {
        out.set(i, e.toBuilder().setMessage(RecallRecords.recalled(e.getMessage())).build());
      }
    }
    return out;
  }

  /**
   * Entries with seq greater than {@code afterSeq}, ascending, at most {@code limit}. A timeline value is the key of
   * its message in the messages column family: one range scan collects the keys, one multi-get fetches the messages.
   */
  List<TimelineEntry> readTimeline(String appId, String userId, long afterSeq, int limit) throws RocksDBException {
    if (limit == 0 || afterSeq == Long.MAX_VALUE) {
      return new ArrayList<>();
    }
    List<Long> seqs = new ArrayList<>(Math.min(limit, 256));
    List<byte[]> messageKeys = new ArrayList<>(Math.min(limit, 256));
    byte[] prefix = Keys.timelinePrefix(appId, userId);
    try (RocksIterator it = db.newIterator(timelines)) {
      for (it.seek(Keys.timeline(appId, userId, afterSeq + 1)); it.isValid() && seqs.size() < limit; it.next()) {
        byte[] key = it.key();
        if (!Keys.startsWith(key, prefix) || key.length != prefix.length + Long.BYTES) {
          break;
        }
        seqs.add(Keys.trailingNumber(key));
        messageKeys.add(it.value());
      }
      it.status();
    }
    List<TimelineEntry> out = new ArrayList<>(seqs.size());
    if (seqs.isEmpty()) {
      return out;
    }
    List<byte[]> keys = new ArrayList<>(messageKeys.size());
    for (byte[] value : messageKeys) {
      keys.add(RecallRecords.messageKey(value));
    }
    List<byte[]> values = db.multiGetAsList(Collections.nCopies(keys.size(), messages), keys);
    List<byte[]> recalled = db.multiGetAsList(Collections.nCopies(keys.size(), recalls), keys);
    for (int i = 0; i < seqs.size(); i++) {
      byte[] value = values.get(i);
      if (value == null) {
        throw new RocksDBException("timeline entry " + seqs.get(i) + " of " + userId + " has no message");
      }
      if (!Keys.isC2cMessageKey(keys.get(i))) {
        TimelineEntry stored = parseEntry(value).toBuilder().setSeq(seqs.get(i)).build();
        out.add(recalled.get(i) == null || !stored.hasMessage() ? stored
            : stored.toBuilder().setMessage(RecallRecords.recalled(stored.getMessage())).build());
        continue;
      }
      Message message = parseMessage(value);
      Message read = recalled.get(i) == null ? message : RecallRecords.recalled(message);
      out.add(RecallRecords.isNotice(messageKeys.get(i)) ? RecallRecords.noticeEntry(seqs.get(i), read)
          : TimelineEntry.newBuilder().setSeq(seqs.get(i)).setMessage(read).build());
    }
    return out;
  }

  /**
   * Messages of the C2C conversation of {@code userA} and {@code userB}, newest first: server msg ids below
   * {@code beforeId} and at or above {@code fromId}, at most {@code limit}. One reverse range scan.
   */
  List<Message> readConversation(String appId, String userA, String userB, long fromId, long beforeId, int limit)
      throws RocksDBException {
    List<Message> out = new ArrayList<>(Math.min(limit, 256));
    if (limit <= 0 || beforeId <= fromId || beforeId <= 0) {
      return out;
    }
    byte[] prefix = Keys.c2cPrefix(appId, userA, userB);
    List<byte[]> keys = new ArrayList<>(Math.min(limit, 256));
    try (RocksIterator it = db.newIterator(messages)) {
      for (it.seekForPrev(Keys.c2cMessage(appId, userA, userB, beforeId - 1)); it.isValid() && out.size() < limit;
          it.prev()) {
        byte[] key = it.key();
        if (!Keys.startsWith(key, prefix) || key.length != prefix.length + Long.BYTES
            || Keys.trailingNumber(key) < fromId) {
          break;
        }
        keys.add(key);
        out.add(parseMessage(it.value()));
      }
      it.status();
    }
    if (!keys.isEmpty()) {
      List<byte[]> recalled = db.multiGetAsList(Collections.nCopies(keys.size(), recalls), keys);
      for (int i = 0; i < out.size(); i++) {
        if (recalled.get(i) != null) {
          out.set(i, RecallRecords.recalled(out.get(i)));
        }
      }
    }
    return out;
  }

  private static TimelineEntry parseEntry(byte[] value) throws RocksDBException {
    try {
      return TimelineEntry.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new RocksDBException("corrupt stored event: " + e.getMessage());
    }
  }

  private static Message parseMessage(byte[] value) throws RocksDBException {
    try {
      return Message.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new RocksDBException("corrupt message: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    for (ColumnFamilyHandle handle : handles) {
      handle.close();
    }
    db.close();
    closeAll(owned);
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // Native option objects do not fail to close; nothing useful to do if one did.
      }
    }
  }
}
