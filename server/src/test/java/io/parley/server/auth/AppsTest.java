package io.parley.server.auth;

import io.parley.server.app.VendorKind;
import io.parley.server.app.CallbackSettings;
import io.parley.server.app.AppSecrets;
import io.parley.server.app.AppRegistry;
import io.parley.server.app.App;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.CredentialKind;
import io.parley.server.config.Sandbox;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Apps and their registry")
class AppsTest {
  final App tencent = TestApps.tencent("1400000000", "parley-dev-tencent-key");

  @Test
  @DisplayName("no app's toString prints a secret, of any vendor")
  void toStringHidesSecrets() {
    String text = new AppRegistry(Sandbox.apps()).toString() + Sandbox.apps();

    for (String secret : List.of(Sandbox.TENCENT_KEY, Sandbox.RONGCLOUD_APP_SECRET, Sandbox.NETEASE_APP_SECRET,
        Sandbox.YUNTONGXUN_AUTH_TOKEN, Sandbox.YUNTONGXUN_APP_TOKEN)) {
      assertFalse(text.contains(secret), text);
    }
    assertTrue(text.contains("1400000000") && text.contains("administrator") && text.contains("parley-dev-rong"), text);
  }

  @Test
  @DisplayName("a Tencent app id must be the SDKAppID in decimal")
  void tencentIdIsDecimal() {
    assertEquals(1_400_000_000L, tencent.sdkAppId());
    assertThrows(IllegalArgumentException.class, () -> TestApps.tencent("abc", "k"));
    assertThrows(IllegalArgumentException.class, () -> TestApps.tencent("", "k"));
    assertThrows(IllegalArgumentException.class, () -> TestApps.tencent("-1", "k"));
    assertThrows(IllegalStateException.class, () -> Sandbox.neteaseApp().sdkAppId());
  }

  @Test
  @DisplayName("an app must have non-empty secrets of its own vendor")
  void secretsRequired() {
    assertThrows(IllegalArgumentException.class, () -> TestApps.tencent("1400000000", ""));
    assertThrows(NullPointerException.class, () -> TestApps.tencent("1400000000", null));
    assertThrows(IllegalArgumentException.class, () -> new App("nim", VendorKind.NETEASE,
        new AppSecrets.Rongcloud("s"), Sandbox.APP_LIMITS, CallbackSettings.NONE));
    assertThrows(IllegalStateException.class, () -> Sandbox.neteaseApp().secrets(AppSecrets.Tencent.class));
  }

  @Test
  @DisplayName("the registry finds apps by id, and nothing for an unknown or null id")
  void registryFinds() {
    AppRegistry registry = new AppRegistry(List.of(tencent));

    assertEquals(Optional.of(tencent), registry.find("1400000000"));
    assertEquals(Optional.empty(), registry.find("1400000001"));
    assertEquals(Optional.empty(), registry.find(null));
  }

  @Test
  @DisplayName("two apps with one id are a configuration error")
  void duplicateIds() {
    App twin = TestApps.tencent("1400000000", "other");

    assertThrows(IllegalArgumentException.class, () -> new AppRegistry(List.of(tencent, twin)));
  }

  @Test
  @DisplayName("replacing the apps reports which were added, changed and removed")
  void replaceReportsChanges() {
    AppRegistry registry = new AppRegistry(List.of(tencent, Sandbox.rongcloudApp(), Sandbox.neteaseApp()));
    App rekeyed = TestApps.tencent("1400000000", "a-new-key");

    AppRegistry.Changes changes = registry.replace(List.of(rekeyed, Sandbox.neteaseApp(), Sandbox.yuntongxunApp()));

    assertEquals(List.of(Sandbox.yuntongxunApp()), changes.added());
    assertEquals(List.of(rekeyed), changes.changed());
    assertEquals(List.of(Sandbox.rongcloudApp()), changes.removed());
    assertEquals(Optional.of(rekeyed), registry.find("1400000000"));
    assertEquals(Optional.empty(), registry.find(Sandbox.RONGCLOUD_APP_KEY));
    assertTrue(registry.replace(List.of(rekeyed, Sandbox.neteaseApp(), Sandbox.yuntongxunApp())).none());
  }

  @Test
  @DisplayName("each vendor names the credential kinds its apps accept")
  void vendorCredentialKinds() {
    assertEquals(Set.of(CredentialKind.TENCENT_USERSIG), VendorKind.TENCENT.credentialKinds());
    assertEquals(Set.of(CredentialKind.RONGCLOUD_TOKEN), VendorKind.RONGCLOUD.credentialKinds());
    assertEquals(Set.of(CredentialKind.NETEASE_TOKEN), VendorKind.NETEASE.credentialKinds());
    assertEquals(Set.of(CredentialKind.YUNTONGXUN_VOIP, CredentialKind.YUNTONGXUN_APP_TOKEN),
        VendorKind.YUNTONGXUN.credentialKinds());
  }

  @Test
  @DisplayName("an auth result is OK exactly when its code is 0, and an OK one names its app and user")
  void authResultShape() {
    AuthResult ok = AuthResult.ok(tencent, "alice", 123L);
    AuthResult refused = AuthResult.refused(70001, "expired");

    assertTrue(ok.ok());
    assertEquals(0, ok.code());
    assertEquals("alice", ok.userId());
    assertEquals(123L, ok.expiresAtMillis());
    assertFalse(refused.ok());
    assertEquals(70001, refused.code());
    assertThrows(IllegalArgumentException.class, () -> AuthResult.refused(0, "no code"));
    assertThrows(IllegalArgumentException.class, () -> AuthResult.ok(tencent, "", 0));
  }
}
