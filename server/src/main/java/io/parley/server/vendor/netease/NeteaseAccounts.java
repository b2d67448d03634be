package io.parley.server.vendor.netease;

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
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * NetEase accounts: an accid, its static login token and a blocked flag. The token is kept only as a random salt and
 * SHA-256(salt ‖ token): NetEase hands a token out when it is set and never reads it back.
 */
public final class NeteaseAccounts {

  /** NetEase's code for a bad parameter, a duplicate accid ("already register") and an unknown accid. */
  static final int PARAMETER_ERROR = 414;
  static final int MAX_ACCID_CHARS = 32;
  static final int MAX_TOKEN_CHARS = 128;

  private static final int VERSION = 1;
  private static final int SALT_BYTES = 16;

  private final AccountStore store;
  private final AppLocks locks;
  private final SessionRegistry sessions;
  private final RandomIds ids;

  public NeteaseAccounts(AccountStore store, AppLocks locks, SessionRegistry sessions, RandomIds ids) {
    this.store = store;
    this.locks = locks;
    this.sessions = sessions;
    this.ids = ids;
  }

  public String create(String appId, String accid, Optional<String> token) throws AccountException {
    requireAccid(accid);
    String chosen = token.isPresent() ? requireToken(token.get()) : ids.neteaseToken();
    byte[] key = AccountKeys.netease(appId, accid);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      if (store.get(key) != null) {
        throw new AccountException(PARAMETER_ERROR, "already register");
      }
      store.put(key, encode(false, chosen));
    } finally {
      lock.unlock();
    }
    return chosen;
  }

  public void updateToken(String appId, String accid, String token) throws AccountException {
    requireAccid(accid);
    requireToken(token);
    byte[] key = AccountKeys.netease(appId, accid);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      store.put(key, encode(existing(key).blocked(), token));
    } finally {
      lock.unlock();
    }
  }

  public String refreshToken(String appId, String accid) throws AccountException {
    String token = ids.neteaseToken();
    updateToken(appId, accid, token);
    return token;
  }

  public void setBlocked(String appId, String accid, boolean blocked, boolean kick) throws AccountException {
    requireAccid(accid);
    byte[] key = AccountKeys.netease(appId, accid);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      Stored current = existing(key);
      if (current.blocked() != blocked) {
        store.put(key, Fields.writer().u8(VERSION).u8(blocked ? 1 : 0).bytes(current.salt()).bytes(current.hash())
            .build());
      }
    } finally {
      lock.unlock();
    }
    if (kick) {
      sessions.kickUser(new UserKey(appId, accid), KickReason.ACCOUNT_BLOCKED, "this account was blocked by the app");
    }
  }

  public boolean exists(String appId, String accid) {
    return Text.isPrintable(accid, MAX_ACCID_CHARS) && store.get(AccountKeys.netease(appId, accid)) != null;
  }

  /** Sets the given profile fields (by NetEase name), keeping the others. */
  public void updateProfile(String appId, String accid, Map<String, String> changes) throws AccountException {
    requireAccid(accid);
    ReentrantLock lock = locks.of(appId);
    lock.lock();
    try {
      existing(AccountKeys.netease(appId, accid));
      byte[] key = AccountKeys.neteaseProfile(appId, accid);
      Map<String, String> profile = decodeProfile(store.get(key));
      profile.putAll(changes);
      Fields.Writer out = Fields.writer().u8(VERSION).i64(profile.size());
      profile.forEach((name, value) -> out.str(name).str(value));
      store.put(key, out.build());
    } finally {
      lock.unlock();
    }
  }

  /** The profile fields set so far of an existing account (none set: empty), or empty for an unknown accid. */
  public Optional<Map<String, String>> profile(String appId, String accid) {
    if (!exists(appId, accid)) {
      return Optional.empty();
    }
    return Optional.of(decodeProfile(store.get(AccountKeys.neteaseProfile(appId, accid))));
  }

  private static Map<String, String> decodeProfile(byte[] value) {
    Map<String, String> profile = new TreeMap<>();
    if (value != null) {
      Fields.Reader in = Fields.reader(value, "NetEase profile").version(VERSION);
      for (long n = in.i64(); n > 0; n--) {
        profile.put(in.str(), in.str());
      }
      in.end();
    }
    return profile;
  }

  public NeteaseLogin check(String appId, String accid, String token) {
    if (!Text.isPrintable(accid, MAX_ACCID_CHARS)) {
      return NeteaseLogin.NO_SUCH_ACCOUNT;
    }
    byte[] value = store.get(AccountKeys.netease(appId, accid));
    if (value == null) {
      return NeteaseLogin.NO_SUCH_ACCOUNT;
    }
    Stored stored = decode(value);
    if (token == null || !MessageDigest.isEqual(stored.hash(), hash(stored.salt(), token))) {
      return NeteaseLogin.WRONG_TOKEN;
    }
    return stored.blocked() ? NeteaseLogin.BLOCKED : NeteaseLogin.OK;
  }

  private Stored existing(byte[] key) throws AccountException {
    byte[] value = store.get(key);
    if (value == null) {
      throw new AccountException(PARAMETER_ERROR, "accid not exist");
    }
    return decode(value);
  }

  private byte[] encode(boolean blocked, String token) {
    byte[] salt = ids.bytes(SALT_BYTES);
    return Fields.writer().u8(VERSION).u8(blocked ? 1 : 0).bytes(salt).bytes(hash(salt, token)).build();
  }

  private static Stored decode(byte[] value) {
    Fields.Reader in = Fields.reader(value, "NetEase account").version(VERSION);
    Stored stored = new Stored(in.u8() != 0, in.bytes(), in.bytes());
    in.end();
    return stored;
  }

  private static byte[] hash(byte[] salt, String token) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  private static void requireAccid(String accid) throws AccountException {
    if (!Text.isPrintable(accid, MAX_ACCID_CHARS)) {
      throw new AccountException(PARAMETER_ERROR,
          "accid must be 1 to " + MAX_ACCID_CHARS + " printable characters");
    }
  }

  private static String requireToken(String token) throws AccountException {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new AccountException(PARAMETER_ERROR, "token must be 1 to " + MAX_TOKEN_CHARS + " characters");
    }
    return token;
  }

  /** A stored account: the token's salt and salted hash, and whether the app blocked it. */
  private record Stored(boolean blocked, byte[] salt, byte[] hash) {
  }
}
