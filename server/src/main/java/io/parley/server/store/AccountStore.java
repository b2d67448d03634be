package io.parley.server.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Raw bytes in the {@code accounts} column family: point reads, prefix scans and atomic writes, each write fsynced to
 * the WAL before it returns (whatever the store's {@link SyncPolicy}). Keys come from {@link #key(String)}, so every
 * key starts with its app id. Thread-safe; every method blocks on disk, so call it off event loops.
 */
public final class AccountStore {

  private final Database db;
  private final OpenGuard guard;

  /** {@code guard} is the store's: every call runs only while the store is open. */
  AccountStore(Database db, OpenGuard guard) {
    this.db = db;
    this.guard = guard;
  }

  /** Starts a key scoped by {@code appId} (a non-empty id without U+0000). */
  public static KeyBuilder key(String appId) {
    return new KeyBuilder(Keys.requireId("appId", appId));
  }

  /** The stored value, or null when the key is absent. */
  public byte[] get(byte[] key) {
    Objects.requireNonNull(key, "key");
    return guard.run("accounts", () -> db.get(db.accounts(), key));
  }

  /** Stores one value, synced. */
  public void put(byte[] key, byte[] value) {
    write(new Batch().put(key, value));
  }

  /** Removes one key (absent is fine), synced. */
  public void delete(byte[] key) {
    write(new Batch().delete(key));
  }

  /** Applies every operation of the batch at once, in order, or none of them; synced. An empty batch is a no-op. */
  public void write(Batch batch) {
    Objects.requireNonNull(batch, "batch");
    if (batch.ops.isEmpty()) {
      return;
    }
    guard.run("accounts", () -> {
      try (WriteBatch writes = new WriteBatch()) {
        for (Op op : batch.ops) {
          if (op.value == null) {
            writes.delete(db.accounts(), op.key);
          } else {
            writes.put(db.accounts(), op.key, op.value);
          }
        }
        db.writeSynced(writes);
      }
      return null;
    });
  }

  /**
   * Entries whose key starts with {@code prefix}, in ascending key order: the first {@code skip} are passed over, at
   * most {@code limit} are returned.
   */
  public List<Entry> scan(byte[] prefix, long skip, int limit) {
    Objects.requireNonNull(prefix, "prefix");
    if (skip < 0 || limit < 0) {
      throw new IllegalArgumentException("skip and limit must not be negative");
    }
    return guard.run("accounts", () -> {
      List<Entry> out = new ArrayList<>(Math.min(limit, 256));
      if (limit == 0) {
        return out;
      }
      long skipped = 0;
      try (RocksIterator it = db.newIterator(db.accounts())) {
        for (it.seek(prefix); it.isValid(); it.next()) {
          byte[] key = it.key();
          if (!Keys.startsWith(key, prefix)) {
            break;
          }
          if (skipped < skip) {
            skipped++;
            continue;
          }
          out.add(new Entry(key, it.value()));
          if (out.size() == limit) {
            break;
          }
        }
        it.status();
      }
      return out;
    });
  }

  /** One stored key and its value. */
  public record Entry(byte[] key, byte[] value) {
  }

  /** Puts and deletes that {@link #write(Batch)} applies atomically. Not thread-safe; build it on one thread. */
  public static final class Batch {
    private final List<Op> ops = new ArrayList<>();

    public Batch put(byte[] key, byte[] value) {
      ops.add(new Op(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
      return this;
    }

    public Batch delete(byte[] key) {
      ops.add(new Op(Objects.requireNonNull(key, "key"), null));
      return this;
    }
  }

  /** A put, or a delete when {@code value} is null. */
  private record Op(byte[] key, byte[] value) {
  }

  /**
   * Builds an account key in the store's codec: UTF-8 segments each followed by 0x00, numbers as 8-byte big-endian
   * (not followed by a separator), the app id always first.
   */
  public static final class KeyBuilder {
    private byte[] buf = new byte[64];
    private int len;

    private KeyBuilder(String appId) {
      str(appId);
    }

    /** Appends a non-empty string without U+0000, then the separator. */
    public KeyBuilder str(String segment) {
      byte[] bytes = Keys.requireId("key segment", segment).getBytes(StandardCharsets.UTF_8);
      ensure(bytes.length + 1);
      System.arraycopy(bytes, 0, buf, len, bytes.length);
      len += bytes.length;
      buf[len++] = Keys.SEPARATOR;
      return this;
    }

    /** Appends an 8-byte big-endian number; unsigned order, so keys sort by it when it is not negative. */
    public KeyBuilder num(long value) {
      ensure(Long.BYTES);
      Keys.writeLong(buf, len, value);
      len += Long.BYTES;
      return this;
    }

    public byte[] build() {
      return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
      if (len + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
      }
    }
  }
}
