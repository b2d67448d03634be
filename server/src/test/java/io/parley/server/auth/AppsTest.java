package io.parley.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.CredentialKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Apps and their registry")
class AppsTest {
  final App tencent = new App("1400000000", VendorKind.TENCENT, "parley-dev-tencent-key", "administrator");

  @Test
  @DisplayName("an app's toString names it but never prints its secret")
  void toStringHidesSecret() {
    String text = tencent.toString();

    assertFalse(text.contains("parley-dev-tencent-key"), text);
    assertTrue(text.contains("1400000000") && text.contains("administrator"), text);
    assertFalse(new StaticAppRegistry(List.of(tencent)).toString().contains("parley-dev-tencent-key"));
  }

  @Test
  @DisplayName("a Tencent app id must be the SDKAppID in decimal")
  void tencentIdIsDecimal() {
    assertEquals(1_400_000_000L, tencent.sdkAppId());
    assertThrows(IllegalArgumentException.class, () -> new App("abc", VendorKind.TENCENT, "k", "administrator"));
    assertThrows(IllegalArgumentException.class, () -> new App("", VendorKind.TENCENT, "k", "administrator"));
    assertThrows(IllegalArgumentException.class, () -> new App("-1", VendorKind.TENCENT, "k", "administrator"));
    assertThrows(IllegalStateException.class, () -> new App("abc", VendorKind.NETEASE, "k", "a").sdkAppId());
  }

  @Test
  @DisplayName("an app must have a secret")
  void secretRequired() {
    assertThrows(IllegalArgumentException.class, () -> new App("1400000000", VendorKind.TENCENT, "", "administrator"));
    assertThrows(NullPointerException.class, () -> new App("1400000000", VendorKind.TENCENT, null, "administrator"));
  }

  @Test
  @DisplayName("the registry finds apps by id, and nothing for an unknown or null id")
  void registryFinds() {
    StaticAppRegistry registry = new StaticAppRegistry(List.of(tencent));

    assertEquals(Optional.of(tencent), registry.find("1400000000"));
    assertEquals(Optional.empty(), registry.find("1400000001"));
    assertEquals(Optional.empty(), registry.find(null));
  }

  @Test
  @DisplayName("two apps with one id are a configuration error")
  void duplicateIds() {
    App twin = new App("1400000000", VendorKind.TENCENT, "other", "administrator");

    assertThrows(IllegalArgumentException.class, () -> new StaticAppRegistry(List.of(tencent, twin)));
  }

  @Test
  @DisplayName("each vendor names the one credential kind its apps accept")
  void vendorCredentialKinds() {
    assertEquals(CredentialKind.TENCENT_USERSIG, VendorKind.TENCENT.credentialKind());
    assertEquals(CredentialKind.RONGCLOUD_TOKEN, VendorKind.RONGCLOUD.credentialKind());
    assertEquals(CredentialKind.NETEASE_TOKEN, VendorKind.NETEASE.credentialKind());
    assertEquals(CredentialKind.YUNTONGXUN, VendorKind.YUNTONGXUN.credentialKind());
  }

  @Test
  @DisplayName("an auth result is OK exactly when its code is 0")
  void authResultShape() {
    AuthResult ok = AuthResult.ok(123L);
    AuthResult refused = AuthResult.refused(70001, "expired");

    assertTrue(ok.ok());
    assertEquals(0, ok.code());
    assertEquals(123L, ok.expiresAtMillis());
    assertFalse(refused.ok());
    assertEquals(70001, refused.code());
    assertThrows(IllegalArgumentException.class, () -> AuthResult.refused(0, "no code"));
  }
}
