package io.parley.server.store;

import io.parley.protocol.v1.TimelineEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksDBException;

/**
 * The durable message store: RocksDB with one column family per kind of record, written by a single group-commit
 * thread ({@link MessageWriter}) whose results a completer thread hands out, and read directly by any thread. Reads block on disk: run them off event loops.
 */
public final class Store implements AutoCloseable {

  private final Database db;
  private final CommitLoop loop;
  private final MessageWriter writer;
  private final AccountStore accounts;
  private final GroupStore groups;
  /** No read touches a closed database. */
  private final OpenGuard guard = new OpenGuard();

  private Store(Database db, CommitLoop loop) {
    this.db = db;
    this.loop = loop;
    this.writer = new MessageWriter(loop);
    this.accounts = new AccountStore(db, guard);
    this.groups = new GroupStore(db, guard);
  }

  /**
   * Opens (creating if needed) the store in {@code dir} and starts its writer and completer threads.
   *
   * @throws UncheckedIOException when the directory or the database cannot be opened
   */
  public static Store open(Path dir, StoreOptions options, CommitListener listener) {
    return open(dir, options, listener, UnaryOperator.identity());
  }

  /** As {@link #open(Path, StoreOptions, CommitListener)}, with the batch sink wrapped (tests inject failures). */
  static Store open(Path dir, StoreOptions options, CommitListener listener, UnaryOperator<BatchSink> wrapSink) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Database db;
    try {
      db = Database.open(dir, options.syncPolicy());
    } catch (RocksDBException e) {
      throw new UncheckedIOException(new IOException("cannot open store in " + dir, e));
    }
    try {
      CommitLoop loop = new CommitLoop(db, wrapSink.apply(db), options, listener);
      loop.start();
      return new Store(db, loop);
    } catch (RocksDBException e) {
      db.close();
      throw new UncheckedIOException(new IOException("cannot read store metadata in " + dir, e));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public MessageWriter writer() {
    return writer;
  }

  /** Vendor accounts: their own column family, written directly (not through the writer) and always fsynced. */
  public AccountStore accounts() {
    return accounts;
  }

  /** Groups and their members: their own column family, written directly and always fsynced. */
  public GroupStore groups() {
    return groups;
  }

  /** Entries of the user's timeline with seq greater than {@code afterSeq}, ascending, at most {@code limit}. */
  public List<TimelineEntry> readTimeline(String appId, String userId, long afterSeq, int limit) {
    Keys.requireId("appId", appId);
    Keys.requireId("userId", userId);
    if (afterSeq < 0 || limit < 0) {
      throw new IllegalArgumentException("afterSeq and limit must not be negative");
    }
    return read(() -> db.readTimeline(appId, userId, afterSeq, limit));
  }

  /**
   * One C2C conversation's history, newest first: messages whose server msg id is in {@code [fromId, beforeId)},
   * at most {@code limit}. Server msg ids grow with time ({@code millis << 16}), so a time range is an id range.
   */
  public List<io.parley.protocol.v1.Message> readConversation(String appId, String userA, String userB, long fromId,
      long beforeId, int limit) {
    Keys.requireId("appId", appId);
    Keys.requireId("userA", userA);
    Keys.requireId("userB", userB);
    return read(() -> db.readConversation(appId, userA, userB, fromId, beforeId, limit));
  }

  /** A group's history after {@code afterSeq}, ascending, at most {@code limit}; entry seqs are group seqs. */
  public List<TimelineEntry> readGroup(String appId, String groupId, long afterSeq, int limit) {
    requireGroup(appId, groupId);
    return read(() -> db.readGroup(appId, groupId, afterSeq, limit));
  }

  /** A group's history before {@code beforeSeq}, newest first, at most {@code limit}; entry seqs are group seqs. */
  public List<TimelineEntry> readGroupBackwards(String appId, String groupId, long beforeSeq, int limit) {
    requireGroup(appId, groupId);
    return read(() -> db.readGroupBackwards(appId, groupId, beforeSeq, limit));
  }

  /** The newest seq of a group's history (as on disk: appends still waiting for their batch are not counted). */
  public long newestGroupSeq(String appId, String groupId) {
    requireGroup(appId, groupId);
    return read(() -> db.newestGroupSeq(appId, groupId));
  }

  private static void requireGroup(String appId, String groupId) {
    Keys.requireId("appId", appId);
    Keys.requireId("groupId", groupId);
  }

  /** The user's newest committed timeline seq; 0 when the timeline is empty. */
  public long newestSeq(String appId, String userId) {
    Keys.requireId("appId", appId);
    Keys.requireId("userId", userId);
    return read(() -> db.newestSeq(appId, userId));
  }

  /** The device's stored cursor; 0 when none was saved (pending saves are not visible until written). */
  public long cursor(String appId, String userId, String deviceId) {
    byte[] key = Keys.cursor(Keys.requireId("appId", appId), Keys.requireId("userId", userId),
        Keys.requireId("deviceId", deviceId));
    return read(() -> db.getLong(db.cursors(), key));
  }

  /** A member's stored read cursor in a group; 0 when none was saved (pending saves are not visible until written). */
  public long groupCursor(String appId, String userId, String groupId) {
    byte[] key = Keys.groupCursor(Keys.requireId("appId", appId), Keys.requireId("userId", userId),
        Keys.requireId("groupId", groupId));
    return read(() -> db.getLong(db.cursors(), key));
  }

  /**
   * The first seq of the group's history that went to the group's own timeline only (no member timelines: a large
   * group, read on pull); 0 while every event was fanned out to members' timelines. Once set it never changes: a
   * member's read position in the group is at least the seq before it.
   */
  public long firstReadSeq(String appId, String groupId) {
    byte[] key = Keys.firstReadSeq(Keys.requireId("appId", appId), Keys.requireId("groupId", groupId));
    return read(() -> db.getLong(db.cursors(), key));
  }

  public StoreStats stats() {
    return loop.stats();
  }

  /**
   * Refuses new appends, waits until the writer has written everything queued and the completer has answered it,
   * then closes RocksDB. Idempotent.
   */
  @Override
  public void close() {
    if (loop.isStoreThread()) {
      throw new IllegalStateException("close() called from a store thread (a listener or callback)");
    }
    loop.shutdown();
    guard.close(db::close);
  }

  private <T> T read(OpenGuard.Call<T> read) {
    return guard.run("", read);
  }
}
