package io.parley.server.auth;

import io.parley.protocol.v1.CredentialKind;

/** The cloud IM vendor an app emulates; it decides which credential kind the app's users log in with. */
public enum VendorKind {
  TENCENT(CredentialKind.TENCENT_USERSIG),
  RONGCLOUD(CredentialKind.RONGCLOUD_TOKEN),
  NETEASE(CredentialKind.NETEASE_TOKEN),
  YUNTONGXUN(CredentialKind.YUNTONGXUN);

  private final CredentialKind credentialKind;

  VendorKind(CredentialKind credentialKind) {
    this.credentialKind = credentialKind;
  }

  /** The only credential kind this vendor's apps accept at login. */
  public CredentialKind credentialKind() {
    return credentialKind;
  }
}
