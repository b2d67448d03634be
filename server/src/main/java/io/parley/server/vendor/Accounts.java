package io.parley.server.vendor;

import io.parley.server.account.AccountException;
import io.parley.server.account.AppLocks;
import io.parley.server.account.RandomIds;
import io.parley.server.account.SecretBox;
import io.parley.server.vendor.netease.NeteaseAccounts;
import io.parley.server.vendor.netease.NeteaseLogin;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.vendor.yuntongxun.SubAccountCodec;
import io.parley.server.vendor.yuntongxun.SubAccounts;
import io.parley.server.vendor.yuntongxun.VoipLogin;
import io.parley.server.vendor.tencent.TencentAccount;
import io.parley.server.vendor.tencent.TencentAccounts;
import io.parley.server.vendor.rongcloud.RongcloudUsers;
import io.parley.server.vendor.rongcloud.RongcloudUser;
import io.parley.server.vendor.rongcloud.RongcloudBlock;
import io.parley.server.vendor.rongcloud.TokenRevocations;

import io.parley.server.app.App;
import io.parley.server.app.VendorKind;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.AccountStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The vendors' account records, for the login verifiers and the vendor REST emulation: NetEase accounts, Yuntongxun
 * sub-accounts, Rongcloud token revocations and Tencent imported accounts, each app's records invisible to every
 * other app.
 *
 * <p>Every method blocks on RocksDB and is thread-safe: call it off event loops. A change is fsynced before the method
 * returns. Kicks it causes are only scheduled on the sessions' event loops. Use one instance per store: uniqueness
 * checks rely on its locks. Passing an app of another vendor than the method's is a programming error and throws
 * {@link IllegalArgumentException}; a refusal the vendor would answer with a code throws {@link AccountException}.
 */
public final class Accounts {

  private final NeteaseAccounts netease;
  private final SubAccounts yuntongxun;
  private final TokenRevocations rongcloud;
  private final RongcloudUsers rongcloudUsers;
  private final TencentAccounts tencent;

  public Accounts(AccountStore store, SecretBox secrets, SessionRegistry sessions, Clock clock) {
    this(store, secrets, sessions, clock, new SecureRandom());
  }

  /** With the random source of generated ids, tokens, passwords and salts (tests make ids collide with it). */
  Accounts(AccountStore store, SecretBox secrets, SessionRegistry sessions, Clock clock, RandomGenerator random) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(secrets, "secrets");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(clock, "clock");
    AppLocks locks = new AppLocks();
    RandomIds ids = new RandomIds(Objects.requireNonNull(random, "random"));
    this.netease = new NeteaseAccounts(store, locks, sessions, ids);
    this.yuntongxun = new SubAccounts(store, locks, sessions, clock, ids, new SubAccountCodec(secrets));
    this.rongcloud = new TokenRevocations(store, locks, sessions);
    this.rongcloudUsers = new RongcloudUsers(store, locks, sessions, clock);
    this.tencent = new TencentAccounts(store, locks, clock);
  }

  // ---- NetEase ----

  /**
   * Creates an account with the given token, or a generated one (32 lower-case hex characters), and returns it.
   * Refused with 414: an accid of more than 32 characters or not printable, a token of more than 128 or none, an
   * accid already registered ("already register").
   */
  public String createNeteaseAccount(App app, String accid, Optional<String> token) throws AccountException {
    Objects.requireNonNull(token, "token");
    return netease.create(appId(app, VendorKind.NETEASE), accid, token);
  }

  /** Replaces the account's token; live sessions stay. Unknown accid: 414 "accid not exist". */
  public void updateNeteaseToken(App app, String accid, String token) throws AccountException {
    netease.updateToken(appId(app, VendorKind.NETEASE), accid, token);
  }

  /** Replaces the account's token with a generated one and returns it. Unknown accid: 414 "accid not exist". */
  public String refreshNeteaseToken(App app, String accid) throws AccountException {
    return netease.refreshToken(appId(app, VendorKind.NETEASE), accid);
  }

  /** Blocks the account's logins; with {@code kick}, its live sessions are kicked (ACCOUNT_BLOCKED). Unknown: 414. */
  public void blockNetease(App app, String accid, boolean kick) throws AccountException {
    netease.setBlocked(appId(app, VendorKind.NETEASE), accid, true, kick);
  }

  /** Lets a blocked account log in again. Unknown accid: 414 "accid not exist". */
  public void unblockNetease(App app, String accid) throws AccountException {
    netease.setBlocked(appId(app, VendorKind.NETEASE), accid, false, false);
  }

  /** Checks a static-token login: does the account exist, then does the token match, then is it blocked. */
  public NeteaseLogin checkNeteaseLogin(App app, String accid, String token) {
    return netease.check(appId(app, VendorKind.NETEASE), accid, token);
  }

  /** Whether the app has a NetEase account with this accid. */
  public boolean neteaseAccountExists(App app, String accid) {
    return netease.exists(appId(app, VendorKind.NETEASE), accid);
  }

  /**
   * Sets profile fields of a NetEase account, by the vendor's names (name, icon, sign, email, birth, mobile, gender,
   * ex), keeping those not given; the REST layer checks the values. Unknown accid: 414 "accid not exist".
   */
  public void updateNeteaseProfile(App app, String accid, Map<String, String> fields) throws AccountException {
    netease.updateProfile(appId(app, VendorKind.NETEASE), accid, Map.copyOf(fields));
  }

  /** The profile fields set on a NetEase account (by the vendor's names), or empty when there is no such account. */
  public Optional<Map<String, String>> neteaseProfile(App app, String accid) {
    return netease.profile(appId(app, VendorKind.NETEASE), accid);
  }

  // ---- Yuntongxun ----

  /**
   * Creates a sub-account with generated sid, sub-token, voipAccount (14 digits, never used before in the app) and
   * voipPwd. Refused: a name already used in the app (110011), a name not 1..64 printable characters (110141).
   */
  public SubAccount createSubAccount(App app, String friendlyName) throws AccountException {
    return yuntongxun.create(appId(app, VendorKind.YUNTONGXUN), friendlyName);
  }

  /** The open sub-account with this friendly name. */
  public Optional<SubAccount> subAccountByName(App app, String friendlyName) {
    return yuntongxun.byName(appId(app, VendorKind.YUNTONGXUN), friendlyName);
  }

  /** The open sub-account with this sid (what a sub-account-signed REST call names). */
  public Optional<SubAccount> subAccountBySid(App app, String subAccountSid) {
    return yuntongxun.bySid(appId(app, VendorKind.YUNTONGXUN), subAccountSid);
  }

  /**
   * Open sub-accounts in creation order: {@code offset} of them (1..100) after skipping the first {@code startNo}
   * (0 or more); other values throw IllegalArgumentException, the REST layer answers them with 110141.
   */
  public List<SubAccount> subAccounts(App app, int startNo, int offset) {
    return yuntongxun.list(appId(app, VendorKind.YUNTONGXUN), startNo, offset);
  }

  /** How many sub-accounts of the app are open. */
  public long subAccountCount(App app) {
    return yuntongxun.count(appId(app, VendorKind.YUNTONGXUN));
  }

  /**
   * Closes a sub-account: its logins fail from now on, its live sessions are kicked (CREDENTIAL_REVOKED), its name
   * may be used again but its voipAccount never. Unknown sid: 110015.
   */
  public void closeSubAccount(App app, String subAccountSid) throws AccountException {
    yuntongxun.close(appId(app, VendorKind.YUNTONGXUN), subAccountSid);
  }

  /** Checks a sub-account login (voipAccount + voipPwd), comparing the password in constant time. */
  public VoipLogin checkVoipLogin(App app, String voipAccount, String voipPwd) {
    return yuntongxun.check(appId(app, VendorKind.YUNTONGXUN), voipAccount, voipPwd);
  }

  // ---- Rongcloud ----

  /**
   * Refuses the user's tokens issued before {@code issuedBeforeMillis} from now on (an earlier instant than one
   * already set changes nothing) and kicks the user's live sessions (CREDENTIAL_REVOKED).
   */
  public void expireRongcloudTokens(App app, String userId, long issuedBeforeMillis) {
    rongcloud.expire(appId(app, VendorKind.RONGCLOUD), userId, issuedBeforeMillis);
  }

  /** The instant (epoch millis) before which the user's tokens are refused; 0 when never expired. Cached. */
  public long rongcloudTokensValidFrom(App app, String userId) {
    return rongcloud.validFrom(appId(app, VendorKind.RONGCLOUD), userId);
  }

  /** Registers or updates a user's profile; an empty value keeps the stored one. Returns the record as stored. */
  public RongcloudUser saveRongcloudUser(App app, String userId, Optional<String> name, Optional<String> portraitUri) {
    return rongcloudUsers.save(appId(app, VendorKind.RONGCLOUD), userId, name, portraitUri);
  }

  /** The user's profile, if the app registered one. */
  public Optional<RongcloudUser> rongcloudUser(App app, String userId) {
    return rongcloudUsers.user(appId(app, VendorKind.RONGCLOUD), userId);
  }

  /** Blocks the user for {@code minutes} from now (replacing an earlier block) and kicks its live sessions. */
  public RongcloudBlock blockRongcloudUser(App app, String userId, int minutes) {
    return rongcloudUsers.block(appId(app, VendorKind.RONGCLOUD), userId, minutes);
  }

  /** Ends the user's block, if any. */
  public void unblockRongcloudUser(App app, String userId) {
    rongcloudUsers.unblock(appId(app, VendorKind.RONGCLOUD), userId);
  }

  /** The user's block, if one has not ended yet. */
  public Optional<RongcloudBlock> rongcloudBlock(App app, String userId) {
    return rongcloudUsers.blocked(appId(app, VendorKind.RONGCLOUD), userId);
  }

  /** Blocks not yet ended, by user id: {@code limit} of them after the first {@code skip}. */
  public List<RongcloudBlock> rongcloudBlocks(App app, long skip, int limit) {
    return rongcloudUsers.blocks(appId(app, VendorKind.RONGCLOUD), skip, limit);
  }

  // ---- Tencent ----

  /** Imports an account, or updates the nick and face URL of one already imported; true when it is new. */
  public boolean importTencentAccount(App app, String userId, String nick, String faceUrl) {
    return tencent.importAccount(appId(app, VendorKind.TENCENT), userId, nick, faceUrl);
  }

  /** The imported account with this user id. */
  public Optional<TencentAccount> tencentAccount(App app, String userId) {
    return tencent.account(appId(app, VendorKind.TENCENT), userId);
  }

  /** Deletes an imported account; true when there was one. */
  public boolean deleteTencentAccount(App app, String userId) {
    return tencent.delete(appId(app, VendorKind.TENCENT), userId);
  }

  private static String appId(App app, VendorKind vendor) {
    Objects.requireNonNull(app, "app");
    if (app.vendor() != vendor) {
      throw new IllegalArgumentException("app " + app.id() + " is a " + app.vendor() + " app, not " + vendor);
    }
    return app.id();
  }
}
