package io.parley.server.app;

import io.parley.protocol.v1.CredentialKind;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cloud IM vendor an app emulates, as data: the credential kinds its users log in with (the first is the usual
 * one) and how its app ids are spelled. Everything else a vendor brings sits behind the vendor registry.
 */
public enum VendorKind {
  TENCENT("[1-9][0-9]{0,17}", "a Tencent app id is its SDKAppID, a positive decimal number",
      CredentialKind.TENCENT_USERSIG),
  RONGCLOUD(VendorKind.KEY_ID, VendorKind.KEY_RULE, CredentialKind.RONGCLOUD_TOKEN),
  NETEASE(VendorKind.KEY_ID, VendorKind.KEY_RULE, CredentialKind.NETEASE_TOKEN),
  YUNTONGXUN(VendorKind.KEY_ID, VendorKind.KEY_RULE, CredentialKind.YUNTONGXUN_VOIP,
      CredentialKind.YUNTONGXUN_APP_TOKEN);

  private static final String KEY_ID = "[A-Za-z0-9_.-]{1,64}";
  private static final String KEY_RULE = "an app id must be 1-64 letters, digits, '_', '-' or '.'";

  private final Pattern idPattern;
  private final String idRule;
  private final CredentialKind usual;
  private final Set<CredentialKind> credentialKinds;

  VendorKind(String idPattern, String idRule, CredentialKind usual, CredentialKind... others) {
    this.idPattern = Pattern.compile(idPattern);
    this.idRule = idRule;
    this.usual = usual;
    this.credentialKinds = others.length == 0 ? Set.of(usual) : Set.of(usual, others[0]);
  }

  /** The credential kinds this vendor's apps may accept at login (an app's settings may narrow them). */
  public Set<CredentialKind> credentialKinds() {
    return credentialKinds;
  }

  /** The kind a user of this vendor's apps usually logs in with (Yuntongxun: a sub-account). */
  public CredentialKind usualCredential() {
    return usual;
  }

  /** Why {@code id} cannot be an app id of this vendor; empty when it can. The one place this rule lives. */
  public Optional<String> idProblem(String id) {
    return idPattern.matcher(id).matches() ? Optional.empty() : Optional.of(idRule + ", not \"" + id + "\"");
  }

  /** The name used in configuration files and on the command line: {@code tencent}, {@code rongcloud}, … */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
