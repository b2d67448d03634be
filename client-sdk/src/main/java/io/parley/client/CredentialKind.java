package io.parley.client;

/** The kind of credential a login carries; the app's vendor decides which one the server accepts. */
public enum CredentialKind {
  TENCENT_USERSIG,
  RONGCLOUD_TOKEN,
  NETEASE_TOKEN,
  YUNTONGXUN
}
