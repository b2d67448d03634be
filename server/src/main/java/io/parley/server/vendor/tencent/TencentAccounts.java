package io.parley.server.vendor.tencent;

import io.parley.server.account.AccountKeys;
import io.parley.server.account.AppLocks;
import io.parley.server.account.Fields;

import io.parley.server.store.AccountStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** Tencent accounts pre-created by {@code account_import}: a profile nick and face URL, and when it was imported. */
public final class TencentAccounts {

  private static final int VERSION = 1;

  private final AccountStore store;
  private final AppLocks locks;
  private final Clock clock;

  public TencentAccounts(AccountStore store, AppLocks locks, Clock clock) {
    this.store = store;
    this.locks = locks;
    this.clock = clock;
  }

  public boolean importAccount(String appId, String userId, String nick, String faceUrl) {
    Objects.requireNonNull(nick, "nick");
    Objects.requireNonNull(faceUrl, "faceUrl");
    byte[] key = AccountKeys.tencent(appId, userId);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      Optional<TencentAccount> existing = decode(userId, store.get(key));
      long importedAt = existing.map(TencentAccount::importedAtMillis).orElseGet(clock::millis);
      store.put(key, Fields.writer().u8(VERSION).str(nick).str(faceUrl).i64(importedAt).build());
      return existing.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  public Optional<TencentAccount> account(String appId, String userId) {
    return decode(userId, store.get(AccountKeys.tencent(appId, userId)));
  }

  public boolean delete(String appId, String userId) {
    byte[] key = AccountKeys.tencent(appId, userId);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      if (store.get(key) == null) {
        return false;
      }
      store.delete(key);
      return true;
    } finally {
      lock.unlock();
    }
  }

  private static Optional<TencentAccount> decode(String userId, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    Fields.Reader in = Fields.reader(value, "Tencent account").version(VERSION);
    TencentAccount account = new TencentAccount(userId, in.str(), in.str(), in.i64());
    in.end();
    return Optional.of(account);
  }
}
