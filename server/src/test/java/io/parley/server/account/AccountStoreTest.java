package io.parley.server.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.store.AccountStore;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Store;
import io.parley.server.store.StoreClosedException;
import io.parley.server.store.StoreOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

@DisplayName("AccountStore: the accounts column family")
class AccountStoreTest {

  @TempDir
  Path dir;

  @Test
  @DisplayName("a value put is read back, survives reopening the store, and is gone once deleted")
  void putGetDelete() {
    byte[] key = AccountStore.key("app").str("kind").str("alice").build();
    try (Store store = open()) {
      assertNull(store.accounts().get(key));
      store.accounts().put(key, bytes("v1"));
      assertArrayEquals(bytes("v1"), store.accounts().get(key));
    }
    try (Store store = open()) {
      assertArrayEquals(bytes("v1"), store.accounts().get(key));
      store.accounts().delete(key);
      store.accounts().delete(key);
      assertNull(store.accounts().get(key));
    }
  }

  @Test
  @DisplayName("a batch applies its puts and deletes in order, all together")
  void batch() {
    try (Store store = open()) {
      AccountStore accounts = store.accounts();
      byte[] a = AccountStore.key("app").str("a").build();
      byte[] b = AccountStore.key("app").str("b").build();
      accounts.put(a, bytes("old"));
      accounts.write(new AccountStore.Batch().delete(a).put(b, bytes("1")).put(b, bytes("2")));
      assertNull(accounts.get(a));
      assertArrayEquals(bytes("2"), accounts.get(b));
      accounts.write(new AccountStore.Batch());
      assertArrayEquals(bytes("2"), accounts.get(b));
    }
  }

  @Test
  @DisplayName("keys put the app id first, so one app's prefix never selects another app whose id extends it")
  void keysAreAppScoped() {
    try (Store store = open()) {
      AccountStore accounts = store.accounts();
      accounts.put(AccountStore.key("app").str("k").str("x").build(), bytes("mine"));
      accounts.put(AccountStore.key("app2").str("k").str("x").build(), bytes("other app"));
      accounts.put(AccountStore.key("app").str("k2").str("x").build(), bytes("other kind"));
      List<AccountStore.Entry> found = accounts.scan(AccountStore.key("app").str("k").build(), 0, 10);
      assertEquals(1, found.size());
      assertArrayEquals(bytes("mine"), found.get(0).value());
    }
  }

  @Test
  @DisplayName("a prefix scan returns keys in big-endian number order, after skipping and up to the limit")
  void scanOrderSkipLimit() {
    try (Store store = open()) {
      AccountStore accounts = store.accounts();
      for (long n : new long[] {300, 2, 70_000, 1, 256}) {
        accounts.put(AccountStore.key("app").str("seq").num(n).build(), bytes(Long.toString(n)));
      }
      assertEquals(List.of("1", "2", "256", "300", "70000"), values(accounts.scan(prefix(), 0, 10)));
      assertEquals(List.of("256", "300"), values(accounts.scan(prefix(), 2, 2)));
      assertEquals(List.of(), values(accounts.scan(prefix(), 5, 10)));
      assertEquals(List.of(), values(accounts.scan(prefix(), 0, 0)));
    }
  }

  @Test
  @DisplayName("an empty app id or key segment, or one with U+0000, is refused")
  void keyBuilderRefusesBadSegments() {
    assertThrows(IllegalArgumentException.class, () -> AccountStore.key(""));
    assertThrows(IllegalArgumentException.class, () -> AccountStore.key("a\0b"));
    assertThrows(IllegalArgumentException.class, () -> AccountStore.key("app").str(""));
    assertThrows(IllegalArgumentException.class, () -> AccountStore.key("app").str("x\0"));
  }

  @Test
  @DisplayName("after the store is closed every call fails with StoreClosedException instead of touching RocksDB")
  void closedStore() {
    Store store = open();
    AccountStore accounts = store.accounts();
    store.close();
    byte[] key = AccountStore.key("app").str("a").build();
    assertThrows(StoreClosedException.class, () -> accounts.get(key));
    assertThrows(StoreClosedException.class, () -> accounts.put(key, bytes("v")));
    assertThrows(StoreClosedException.class, () -> accounts.scan(key, 0, 1));
  }

  @Test
  @DisplayName("a data dir written before the accounts column family existed opens, keeps its data and gains the family")
  void olderDataDirOpens() throws Exception {
    try (Store store = open()) {
      store.accounts().put(AccountStore.key("app").str("a").build(), bytes("v"));
    }
    // Make it the older layout: drop the accounts column family (and recalls and groups, which came later still).
    try (Options options = new Options(); DBOptions dbOptions = new DBOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(options, dataDir().toString())) {
        descriptors.add(new ColumnFamilyDescriptor(name));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDB db = RocksDB.open(dbOptions, dataDir().toString(), descriptors, handles)) {
        for (ColumnFamilyHandle handle : handles) {
          String family = new String(handle.getName(), StandardCharsets.US_ASCII);
          if (family.equals("accounts") || family.equals("recalls") || family.equals("groups")) {
            db.dropColumnFamily(handle);
          }
        }
        handles.forEach(ColumnFamilyHandle::close);
      }
      List<String> names = RocksDB.listColumnFamilies(options, dataDir().toString()).stream()
          .map(n -> new String(n, StandardCharsets.US_ASCII)).toList();
      assertEquals(List.of("default", "messages", "timelines", "cursors", "dedup"), names);
    }
    try (Store store = open()) {
      byte[] key = AccountStore.key("app").str("a").build();
      assertNull(store.accounts().get(key));
      store.accounts().put(key, bytes("again"));
    }
    try (Store store = open()) {
      assertArrayEquals(bytes("again"), store.accounts().get(AccountStore.key("app").str("a").build()));
    }
    try (Options options = new Options()) {
      assertTrue(RocksDB.listColumnFamilies(options, dataDir().toString()).stream()
          .anyMatch(n -> new String(n, StandardCharsets.US_ASCII).equals("accounts")));
    }
  }

  private Path dataDir() {
    return dir.resolve("data");
  }

  private Store open() {
    return Store.open(dataDir(), StoreOptions.defaults(), CommitListener.NONE);
  }

  private static byte[] prefix() {
    return AccountStore.key("app").str("seq").build();
  }

  private static List<String> values(List<AccountStore.Entry> entries) {
    return entries.stream().map(e -> new String(e.value(), StandardCharsets.UTF_8)).toList();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
