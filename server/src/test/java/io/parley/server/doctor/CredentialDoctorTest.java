package io.parley.server.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.ServerServices;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.config.Sandbox;
import io.parley.server.support.TestServers;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The credential doctor")
class CredentialDoctorTest {
  @TempDir Path dir;
  ServerServices services;

  @BeforeEach
  void open() throws Exception {
    services = ServerServices.openForTools(TestServers.config(dir));
  }

  @AfterEach
  void close() {
    services.close();
  }

  String report(Diagnosis d) {
    return String.join("\n", d.render());
  }

  String rongToken(String user) throws Exception {
    return services.issuer().issue(services.app(Sandbox.RONGCLOUD_APP_KEY), user, Duration.ofDays(1), false).credential();
  }

  @Test
  @DisplayName("decodes a Rongcloud token, and names the user it is for when another user presents it")
  void rongcloudOtherUser() throws Exception {
    Diagnosis d = services.doctor().examine(Sandbox.RONGCLOUD_APP_KEY, "bob", null, rongToken("alice"));

    assertEquals(ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, d.code());
    assertTrue(d.fields().contains(new Diagnosis.Field("user id", "alice")), report(d));
    assertTrue(report(d).contains("[FAIL] names the user logging in, \"bob\""), report(d));
    assertTrue(report(d).contains("Log in as \"alice\""), report(d));
  }

  @Test
  @DisplayName("says when a Rongcloud token was issued before the app expired the user's tokens, with the same code as a login")
  void rongcloudRevoked() throws Exception {
    String token = rongToken("alice");
    Thread.sleep(2);
    services.accounts().expireRongcloudTokens(services.app(Sandbox.RONGCLOUD_APP_KEY), "alice", System.currentTimeMillis());

    Diagnosis d = services.doctor().examine(Sandbox.RONGCLOUD_APP_KEY, "", null, token);

    assertEquals(ErrorCodes.RONGCLOUD_TOKEN_EXPIRED, d.code());
    assertTrue(report(d).contains("[ok]   signed by this server"), report(d));
    assertTrue(report(d).contains("[FAIL] issued after the app last expired this user's tokens"), report(d));
    assertTrue(services.doctor().examine(Sandbox.RONGCLOUD_APP_KEY, "", null, rongToken("alice")).ok());
  }

  @Test
  @DisplayName("points out a token that is not one of Parley's (for instance one from Rongcloud's own cloud)")
  void rongcloudForeignToken() {
    Diagnosis d = services.doctor().examine(Sandbox.RONGCLOUD_APP_KEY, "alice", null, "Nsm3fk2+j9Y=@abc.cn.rongnav.com;abc.cn.rongcfg.com");

    assertFalse(d.ok());
    assertTrue(report(d).contains("[FAIL] decodes"), report(d));
    assertTrue(report(d).contains("a token from Rongcloud's own cloud does not work here"), report(d));
  }

  @Test
  @DisplayName("explains Yuntongxun logins: a friendlyName used as voipAccount, a subToken used as voipPwd, a bad any-account name")
  void yuntongxun() throws Exception {
    SubAccount sub = services.accounts().createSubAccount(services.app(Sandbox.YUNTONGXUN_APP_ID), "alice");

    Diagnosis byName = services.doctor().examine(Sandbox.YUNTONGXUN_APP_ID, "alice", null, sub.voipPwd());
    assertEquals(ErrorCodes.YUNTONGXUN_SUBACCOUNT_NOT_FOUND, byName.code());
    assertTrue(report(byName).contains("not the friendlyName"), report(byName));

    Diagnosis bySubToken = services.doctor().examine(Sandbox.YUNTONGXUN_APP_ID, sub.voipAccount(), null, sub.subToken());
    assertEquals(ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN, bySubToken.code());
    assertTrue(report(bySubToken).contains("[FAIL] the credential is that sub-account's voipPwd"), report(bySubToken));

    Diagnosis badName = services.doctor().examine(Sandbox.YUNTONGXUN_APP_ID, "gina", CredentialKind.YUNTONGXUN_APP_TOKEN,
        Sandbox.YUNTONGXUN_APP_TOKEN);
    assertEquals(ErrorCodes.YUNTONGXUN_BAD_FORMAT, badName.code());
    assertTrue(report(badName).contains("[FAIL] the user name follows the vendor's rules"), report(badName));

    assertTrue(services.doctor().examine(Sandbox.YUNTONGXUN_APP_ID, sub.voipAccount(), null, sub.voipPwd()).ok());
  }

  @Test
  @DisplayName("a credential of the wrong kind for the app says which kinds the app takes")
  void wrongKind() {
    Diagnosis d = services.doctor().examine(Sandbox.NETEASE_APP_KEY, "alice", CredentialKind.TENCENT_USERSIG, "x");

    assertEquals(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED, d.code());
    assertTrue(report(d).contains("NETEASE_TOKEN"), report(d));
  }
}
