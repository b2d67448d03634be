package io.parley.server.vendor.yuntongxun;

import io.parley.server.account.AccountException;
import io.parley.server.account.AccountKeys;
import io.parley.server.account.AppLocks;
import io.parley.server.account.Fields;
import io.parley.server.account.RandomIds;
import io.parley.server.account.Text;

import io.parley.protocol.v1.KickReason;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import io.parley.server.store.AccountStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Yuntongxun sub-accounts of an app. Each is stored once, keyed by its creation seq, with three indexes (sid, voipAccount,
 * friendlyName) and a counter record, all changed together in one atomic batch under the app's lock. A closed
 * sub-account's voipAccount stays reserved, so its user id (and that user's messages) never passes to a new account.
 */
public final class SubAccounts {

  static final int NAME_ALREADY_USED = 110011;
  static final int NO_SUCH_SUB_ACCOUNT = 110015;
  static final int REQUEST_FORMAT_ERROR = 110141;
  static final int MAX_NAME_CHARS = 64;
  static final int MAX_PAGE = 100;

  private static final DateTimeFormatter DATE_CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));
  private static final int META_VERSION = 1;
  /** Fresh random ids practically never collide; this bound only stops a broken random source from looping. */
  private static final int MAX_ATTEMPTS = 64;
  private static final byte[] CLOSED = new byte[0];
  private static final Pattern VOIP_ACCOUNT = Pattern.compile("[0-9]{14}");
  private static final Pattern SID = Pattern.compile("[0-9a-z]{32}");

  private final AccountStore store;
  private final AppLocks locks;
  private final SessionRegistry sessions;
  private final Clock clock;
  private final RandomIds ids;
  private final SubAccountCodec codec;

  public SubAccounts(AccountStore store, AppLocks locks, SessionRegistry sessions, Clock clock, RandomIds ids,
      SubAccountCodec codec) {
    this.store = store;
    this.locks = locks;
    this.sessions = sessions;
    this.clock = clock;
    this.ids = ids;
    this.codec = codec;
  }

  public SubAccount create(String appId, String friendlyName) throws AccountException {
    if (!Text.isPrintable(friendlyName, MAX_NAME_CHARS)) {
      throw new AccountException(REQUEST_FORMAT_ERROR,
          "friendlyName must be 1 to " + MAX_NAME_CHARS + " printable characters");
    }
    byte[] nameKey = AccountKeys.subAccountName(appId, friendlyName);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      if (store.get(nameKey) != null) {
        throw new AccountException(NAME_ALREADY_USED, "sub-account name already used");
      }
      String sid = unused(ids::lowerAlphanumeric32, s -> AccountKeys.subAccountSid(appId, s));
      String voipAccount = unused(ids::voipAccount, v -> AccountKeys.voipAccount(appId, v));
      SubAccount account = new SubAccount(sid, ids.lowerAlphanumeric32(), DATE_CREATED.format(clock.instant()),
          voipAccount, ids.voipPwd(), friendlyName);
      Meta meta = meta(appId);
      long seq = meta.lastSeq() + 1;
      byte[] seqBytes = Fields.writer().i64(seq).build();
      store.write(new AccountStore.Batch()
          .put(AccountKeys.subAccount(appId, seq), codec.encode(appId, account))
          .put(AccountKeys.subAccountSid(appId, sid), seqBytes)
          .put(AccountKeys.voipAccount(appId, voipAccount), seqBytes)
          .put(nameKey, seqBytes)
          .put(AccountKeys.subAccountMeta(appId), new Meta(seq, meta.count() + 1).encode()));
      return account;
    } finally {
      lock.unlock();
    }
  }

  public Optional<SubAccount> byName(String appId, String friendlyName) {
    if (!Text.isPrintable(friendlyName, MAX_NAME_CHARS)) {
      return Optional.empty();
    }
    return record(appId, store.get(AccountKeys.subAccountName(appId, friendlyName)))
        .map(value -> codec.decode(appId, value));
  }

  /** The open sub-account with this sid (32 characters [0-9a-z]); empty for an unknown or closed one. */
  public Optional<SubAccount> bySid(String appId, String subAccountSid) {
    if (!validSid(subAccountSid)) {
      return Optional.empty();
    }
    return record(appId, store.get(AccountKeys.subAccountSid(appId, subAccountSid)))
        .map(value -> codec.decode(appId, value));
  }

  public List<SubAccount> list(String appId, int startNo, int offset) {
    if (startNo < 0) {
      throw new IllegalArgumentException("startNo must not be negative: " + startNo);
    }
    if (offset < 1 || offset > MAX_PAGE) {
      throw new IllegalArgumentException("offset must be 1 to " + MAX_PAGE + ": " + offset);
    }
    List<SubAccount> out = new ArrayList<>(offset);
    for (AccountStore.Entry entry : store.scan(AccountKeys.subAccountsPrefix(appId), startNo, offset)) {
      out.add(codec.decode(appId, entry.value()));
    }
    return out;
  }

  public long count(String appId) {
    return meta(appId).count();
  }

  public void close(String appId, String subAccountSid) throws AccountException {
    SubAccountCodec.Ids closed;
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      byte[] sidKey = validSid(subAccountSid) ? AccountKeys.subAccountSid(appId, subAccountSid) : null;
      byte[] seqBytes = sidKey == null ? null : store.get(sidKey);
      if (seqBytes == null) {
        throw new AccountException(NO_SUCH_SUB_ACCOUNT, "sub-account does not exist");
      }
      byte[] key = AccountKeys.subAccount(appId, seq(seqBytes));
      byte[] value = store.get(key);
      if (value == null) {
        throw new IllegalStateException("accounts store: sub-account " + subAccountSid + " of app " + appId
            + " is indexed but not stored");
      }
      closed = codec.ids(value);
      Meta meta = meta(appId);
      store.write(new AccountStore.Batch()
          .delete(key)
          .delete(sidKey)
          .delete(AccountKeys.subAccountName(appId, closed.friendlyName()))
          .put(AccountKeys.voipAccount(appId, closed.voipAccount()), CLOSED)
          .put(AccountKeys.subAccountMeta(appId), new Meta(meta.lastSeq(), meta.count() - 1).encode()));
    } finally {
      lock.unlock();
    }
    sessions.kickUser(new UserKey(appId, closed.voipAccount()), KickReason.CREDENTIAL_REVOKED,
        "this sub-account was closed");
  }

  public VoipLogin check(String appId, String voipAccount, String voipPwd) {
    if (voipAccount == null || !VOIP_ACCOUNT.matcher(voipAccount).matches()) {
      return VoipLogin.NO_SUCH_ACCOUNT;
    }
    Optional<byte[]> value = record(appId, store.get(AccountKeys.voipAccount(appId, voipAccount)));
    if (value.isEmpty()) {
      return VoipLogin.NO_SUCH_ACCOUNT;
    }
    byte[] stored = codec.voipPwd(appId, value.get()).getBytes(StandardCharsets.UTF_8);
    byte[] given = voipPwd == null ? new byte[0] : voipPwd.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(stored, given) ? VoipLogin.OK : VoipLogin.WRONG_PASSWORD;
  }

  /** The sub-account an index entry points to; empty for a missing or closed entry. */
  private Optional<byte[]> record(String appId, byte[] seqBytes) {
    if (seqBytes == null || seqBytes.length == 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(store.get(AccountKeys.subAccount(appId, seq(seqBytes))));
  }

  /** Draws ids until one is not in the index yet (closed ones included). */
  private String unused(Supplier<String> draw, Function<String, byte[]> key) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String candidate = draw.get();
      if (store.get(key.apply(candidate)) == null) {
        return candidate;
      }
    }
    throw new IllegalStateException("no unused id after " + MAX_ATTEMPTS + " random draws: is the random source broken?");
  }

  private Meta meta(String appId) {
    byte[] value = store.get(AccountKeys.subAccountMeta(appId));
    if (value == null) {
      return new Meta(0, 0);
    }
    Fields.Reader in = Fields.reader(value, "Yuntongxun sub-account counter").version(META_VERSION);
    Meta meta = new Meta(in.i64(), in.i64());
    in.end();
    return meta;
  }

  private static long seq(byte[] seqBytes) {
    Fields.Reader in = Fields.reader(seqBytes, "Yuntongxun sub-account index");
    long seq = in.i64();
    in.end();
    return seq;
  }

  private static boolean validSid(String sid) {
    return sid != null && SID.matcher(sid).matches();
  }

  /** The last creation seq handed out and the number of open sub-accounts. */
  private record Meta(long lastSeq, long count) {
    public byte[] encode() {
      return Fields.writer().u8(META_VERSION).i64(lastSeq).i64(count).build();
    }
  }
}
