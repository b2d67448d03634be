package io.parley.server.vendor.rongcloud;

import io.parley.server.account.AccountKeys;
import io.parley.server.account.AppLocks;
import io.parley.server.account.Fields;

import io.parley.protocol.v1.KickReason;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import io.parley.server.store.AccountStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rongcloud user records: the profile the app registers with a token (name, portrait) and blocks for a number of
 * minutes. A block past its end is as good as none; it is dropped when read.
 */
public final class RongcloudUsers {
  private static final int VERSION = 1;

  private final AccountStore store;
  private final AppLocks locks;
  private final SessionRegistry sessions;
  private final Clock clock;

  public RongcloudUsers(AccountStore store, AppLocks locks, SessionRegistry sessions, Clock clock) {
    this.store = store;
    this.locks = locks;
    this.sessions = sessions;
    this.clock = clock;
  }

  /** Registers or updates the user; an empty value keeps the one stored ({@code Optional.empty()}: keep). */
  public RongcloudUser save(String appId, String userId, Optional<String> name, Optional<String> portraitUri) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(portraitUri, "portraitUri");
    byte[] key = AccountKeys.rongcloudUser(appId, userId);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      Optional<RongcloudUser> old = decode(userId, store.get(key));
      RongcloudUser user = new RongcloudUser(userId, name.orElse(old.map(RongcloudUser::name).orElse("")),
          portraitUri.orElse(old.map(RongcloudUser::portraitUri).orElse("")),
          old.map(RongcloudUser::createdAtMillis).orElseGet(clock::millis));
      store.put(key, Fields.writer().u8(VERSION).str(user.name()).str(user.portraitUri()).i64(user.createdAtMillis())
          .build());
      return user;
    } finally {
      lock.unlock();
    }
  }

  public Optional<RongcloudUser> user(String appId, String userId) {
    return decode(userId, store.get(AccountKeys.rongcloudUser(appId, userId)));
  }

  /** Blocks the user for {@code minutes} from now (replacing an earlier block) and kicks its live sessions. */
  public RongcloudBlock block(String appId, String userId, int minutes) {
    if (minutes < 1) {
      throw new IllegalArgumentException("a block lasts at least one minute, not " + minutes);
    }
    long until = clock.millis() + minutes * 60_000L;
    store.put(AccountKeys.rongcloudBlock(appId, userId), Fields.writer().u8(VERSION).i64(until).build());
    sessions.kickUser(new UserKey(appId, userId), KickReason.ACCOUNT_BLOCKED,
        "the app blocked this user until " + java.time.Instant.ofEpochMilli(until));
    return new RongcloudBlock(userId, until);
  }

  public void unblock(String appId, String userId) {
    store.delete(AccountKeys.rongcloudBlock(appId, userId));
  }

  /** The block on the user, if one has not ended yet. */
  public Optional<RongcloudBlock> blocked(String appId, String userId) {
    byte[] value = store.get(AccountKeys.rongcloudBlock(appId, userId));
    return value == null ? Optional.empty()
        : Optional.of(new RongcloudBlock(userId, until(value))).filter(b -> b.untilMillis() > clock.millis());
  }

  /** Blocks not yet ended, by user id: {@code limit} of them after skipping {@code skip}. */
  public List<RongcloudBlock> blocks(String appId, long skip, int limit) {
    byte[] prefix = AccountKeys.rongcloudBlocksPrefix(appId);
    long now = clock.millis();
    List<RongcloudBlock> out = new ArrayList<>();
    long skipped = 0;
    for (AccountStore.Entry e : store.scan(prefix, 0, Integer.MAX_VALUE)) {
      long until = until(e.value());
      if (until <= now) {
        continue;
      }
      if (skipped++ < skip) {
        continue;
      }
      byte[] id = Arrays.copyOfRange(e.key(), prefix.length, e.key().length - 1); // the key ends with 0x00
      out.add(new RongcloudBlock(new String(id, StandardCharsets.UTF_8), until));
      if (out.size() == limit) {
        break;
      }
    }
    return out;
  }

  private static long until(byte[] value) {
    Fields.Reader in = Fields.reader(value, "Rongcloud block").version(VERSION);
    long until = in.i64();
    in.end();
    return until;
  }

  private static Optional<RongcloudUser> decode(String userId, byte[] value) {
    if (value == null) {
      return Optional.empty();
    }
    Fields.Reader in = Fields.reader(value, "Rongcloud user").version(VERSION);
    RongcloudUser user = new RongcloudUser(userId, in.str(), in.str(), in.i64());
    in.end();
    return Optional.of(user);
  }
}
