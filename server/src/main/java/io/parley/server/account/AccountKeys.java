package io.parley.server.account;

import io.parley.server.store.AccountStore;

/**
 * The layout of the accounts column family. Every key is {@code appId 0x00 vendor 0x00 kind 0x00 …}: strings are UTF-8
 * followed by 0x00, numbers 8-byte big-endian, so one app's records of one kind are one key range.
 */
public final class AccountKeys {

  private AccountKeys() {
  }

  /** {@code app 0 "nim" 0 "account" 0 accid 0} → a NetEase account (salted token hash, blocked flag). */
  public static byte[] netease(String appId, String accid) {
    return AccountStore.key(appId).str("nim").str("account").str(accid).build();
  }

  /** {@code app 0 "nim" 0 "profile" 0 accid 0} → a NetEase account's profile fields (name, icon, …, ex). */
  public static byte[] neteaseProfile(String appId, String accid) {
    return AccountStore.key(appId).str("nim").str("profile").str(accid).build();
  }

  /** {@code app 0 "ytx" 0 "sub" 0 seq}: a sub-account, keyed by creation order. */
  public static byte[] subAccount(String appId, long seq) {
    return subAccounts(appId).num(seq).build();
  }

  /** {@code app 0 "ytx" 0 "sub" 0}: the prefix of all the app's sub-accounts, in creation order. */
  public static byte[] subAccountsPrefix(String appId) {
    return subAccounts(appId).build();
  }

  /** {@code app 0 "ytx" 0 "sid" 0 subAccountSid 0} → creation seq. */
  public static byte[] subAccountSid(String appId, String sid) {
    return AccountStore.key(appId).str("ytx").str("sid").str(sid).build();
  }

  /** {@code app 0 "ytx" 0 "name" 0 friendlyName 0} → creation seq. */
  public static byte[] subAccountName(String appId, String friendlyName) {
    return AccountStore.key(appId).str("ytx").str("name").str(friendlyName).build();
  }

  /** {@code app 0 "ytx" 0 "voip" 0 voipAccount 0} → creation seq, or empty once closed (never handed out again). */
  public static byte[] voipAccount(String appId, String voipAccount) {
    return AccountStore.key(appId).str("ytx").str("voip").str(voipAccount).build();
  }

  /** {@code app 0 "ytx" 0 "meta" 0} → last creation seq, live sub-account count. */
  public static byte[] subAccountMeta(String appId) {
    return AccountStore.key(appId).str("ytx").str("meta").build();
  }

  /** {@code app 0 "rong" 0 "validFrom" 0 userId 0} → epoch millis before which the user's tokens are refused. */
  public static byte[] rongcloudValidFrom(String appId, String userId) {
    return AccountStore.key(appId).str("rong").str("validFrom").str(userId).build();
  }

  /** {@code app 0 "rong" 0 "user" 0 userId 0} → a Rongcloud user's name, portrait and creation time. */
  public static byte[] rongcloudUser(String appId, String userId) {
    return AccountStore.key(appId).str("rong").str("user").str(userId).build();
  }

  /** {@code app 0 "rong" 0 "block" 0 userId 0} → epoch millis until which the user is blocked. */
  public static byte[] rongcloudBlock(String appId, String userId) {
    return AccountStore.key(appId).str("rong").str("block").str(userId).build();
  }

  /** {@code app 0 "rong" 0 "block" 0}: the prefix of all the app's blocks, by user id. */
  public static byte[] rongcloudBlocksPrefix(String appId) {
    return AccountStore.key(appId).str("rong").str("block").build();
  }

  /** {@code app 0 "tim" 0 "account" 0 userId 0} → an imported Tencent account. */
  public static byte[] tencent(String appId, String userId) {
    return AccountStore.key(appId).str("tim").str("account").str(userId).build();
  }

  private static AccountStore.KeyBuilder subAccounts(String appId) {
    return AccountStore.key(appId).str("ytx").str("sub");
  }
}
