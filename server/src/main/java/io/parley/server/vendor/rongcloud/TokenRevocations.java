package io.parley.server.vendor.rongcloud;

import io.parley.server.account.AccountKeys;
import io.parley.server.account.AppLocks;
import io.parley.server.account.Fields;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.parley.protocol.v1.KickReason;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import io.parley.server.store.AccountStore;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rongcloud {@code user/token/expire}: per user, the instant before which issued tokens are refused. Every Rongcloud
 * login asks for it, so it is cached (users never revoked included, as 0); a write invalidates the user's entry.
 */
public final class TokenRevocations {

  /** Users whose value stays cached; about 100 bytes each. */
  static final int CACHE_SIZE = 100_000;

  private static final int VERSION = 1;

  private final AccountStore store;
  private final AppLocks locks;
  private final SessionRegistry sessions;
  private final LoadingCache<UserKey, Long> validFrom;

  public TokenRevocations(AccountStore store, AppLocks locks, SessionRegistry sessions) {
    this.store = store;
    this.locks = locks;
    this.sessions = sessions;
    this.validFrom = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build(this::load);
  }

  public void expire(String appId, String userId, long issuedBeforeMillis) {
    if (issuedBeforeMillis < 0) {
      throw new IllegalArgumentException("issuedBeforeMillis must not be negative: " + issuedBeforeMillis);
    }
    UserKey user = new UserKey(appId, userId);
    byte[] key = AccountKeys.rongcloudValidFrom(appId, userId);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      long current = read(store.get(key));
      if (issuedBeforeMillis > current) {
        store.put(key, Fields.writer().u8(VERSION).i64(issuedBeforeMillis).build());
      }
      // After the write: a load already running for this user finishes before the entry goes, so the next read loads
      // the new value.
      validFrom.invalidate(user);
    } finally {
      lock.unlock();
    }
    sessions.kickUser(user, KickReason.CREDENTIAL_REVOKED, "this user's tokens were expired by the app");
  }

  /** A map lookup once cached: the ids are only checked here, and the key is built on a miss. */
  public long validFrom(String appId, String userId) {
    if (userId == null || userId.isEmpty() || userId.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("userId must be non-empty and without U+0000");
    }
    return validFrom.get(new UserKey(appId, userId));
  }

  private Long load(UserKey user) {
    return read(store.get(AccountKeys.rongcloudValidFrom(user.appId(), user.userId())));
  }

  private static long read(byte[] value) {
    if (value == null) {
      return 0;
    }
    Fields.Reader in = Fields.reader(value, "Rongcloud token revocation").version(VERSION);
    long millis = in.i64();
    in.end();
    return millis;
  }
}
