package io.parley.server.app;

import io.parley.protocol.v1.CredentialKind;
import java.util.Locale;
import java.util.Set;

/** The cloud IM vendor an app emulates; it decides which credential kinds the app's users log in with. */
public enum VendorKind {
  TENCENT(Set.of(CredentialKind.TENCENT_USERSIG)),
  RONGCLOUD(Set.of(CredentialKind.RONGCLOUD_TOKEN)),
  NETEASE(Set.of(CredentialKind.NETEASE_TOKEN)),
  YUNTONGXUN(Set.of(CredentialKind.YUNTONGXUN_VOIP, CredentialKind.YUNTONGXUN_APP_TOKEN));

  private final Set<CredentialKind> credentialKinds;

  VendorKind(Set<CredentialKind> credentialKinds) {
    this.credentialKinds = credentialKinds;
  }

  /** The credential kinds this vendor's apps may accept at login (an app's settings may narrow them). */
  public Set<CredentialKind> credentialKinds() {
    return credentialKinds;
  }

  /** The name used in configuration files and on the command line: {@code tencent}, {@code rongcloud}, … */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
