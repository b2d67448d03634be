package io.parley.client;

/** The kind of credential a login carries; the app's vendor decides which ones the server accepts. */
public enum CredentialKind {
  /** Tencent: a UserSig (TLSSigAPIv2). */
  TENCENT_USERSIG,
  /** Rongcloud: the token the app server got from getToken; it names the user. */
  RONGCLOUD_TOKEN,
  /** NetEase Yunxin: the account's token; the user id is the accid. */
  NETEASE_TOKEN,
  /** Yuntongxun sub-account login: the user id is the voipAccount, the credential its voipPwd. */
  YUNTONGXUN_VOIP,
  /** Yuntongxun any-account login: the user id is the app's own user name, the credential the APP TOKEN. */
  YUNTONGXUN_APP_TOKEN
}
