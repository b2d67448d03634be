package io.parley.server.vendor;

import io.parley.server.account.AccountException;
import io.parley.server.vendor.netease.NeteaseLogin;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.vendor.yuntongxun.VoipLogin;

import static io.parley.server.vendor.Harness.assertKicked;
import static io.parley.server.vendor.Harness.assertNotKicked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.v1.KickReason;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("Accounts: apps are isolated, and each method serves one vendor")
class AccountIsolationTest extends AccountsTestBase {


  @Test
  @DisplayName("the same NetEase accid in two apps is two accounts with their own tokens, blocks and kicks")
  void netease() throws Exception {
    App a = Sandbox.neteaseApp();
    App b = Harness.otherApp(a);
    accounts.createNeteaseAccount(a, "alice", Optional.of("token-a"));
    assertEquals(NeteaseLogin.NO_SUCH_ACCOUNT, accounts.checkNeteaseLogin(b, "alice", "token-a"));
    accounts.createNeteaseAccount(b, "alice", Optional.of("token-b"));
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(b, "alice", "token-a"));
    EmbeddedChannel inA = h.login(a, "alice");
    EmbeddedChannel inB = h.login(b, "alice");
    accounts.blockNetease(b, "alice", true);
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(a, "alice", "token-a"));
    assertEquals(NeteaseLogin.BLOCKED, accounts.checkNeteaseLogin(b, "alice", "token-b"));
    assertKicked(inB, KickReason.ACCOUNT_BLOCKED);
    assertNotKicked(inA);
  }

  @Test
  @DisplayName("the same friendly name in two apps is two sub-accounts, listed, counted and closed apart")
  void yuntongxun() throws Exception {
    App a = Sandbox.yuntongxunApp();
    App b = Harness.otherApp(a);
    SubAccount inA = accounts.createSubAccount(a, "alice");
    SubAccount inB = accounts.createSubAccount(b, "alice");
    accounts.createSubAccount(b, "bob");
    assertEquals(Optional.of(inA), accounts.subAccountByName(a, "alice"));
    assertEquals(Optional.of(inB), accounts.subAccountByName(b, "alice"));
    assertEquals(List.of(inA), accounts.subAccounts(a, 0, 100));
    assertEquals(1, accounts.subAccountCount(a));
    assertEquals(2, accounts.subAccountCount(b));
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(b, inA.voipAccount(), inA.voipPwd()));
    assertEquals(110015, assertThrows(AccountException.class,
        () -> accounts.closeSubAccount(b, inA.subAccountSid())).code(), "a sid of another app does not exist here");
    accounts.closeSubAccount(a, inA.subAccountSid());
    assertEquals(VoipLogin.OK, accounts.checkVoipLogin(b, inB.voipAccount(), inB.voipPwd()));
    assertEquals(Optional.of(inB), accounts.subAccountByName(b, "alice"));
  }

  @Test
  @DisplayName("expiring a Rongcloud user's tokens in one app leaves the same user id in another app alone")
  void rongcloud() {
    App a = Sandbox.rongcloudApp();
    App b = Harness.otherApp(a);
    EmbeddedChannel inA = h.login(a, "alice");
    EmbeddedChannel inB = h.login(b, "alice");
    accounts.expireRongcloudTokens(a, "alice", 1_000);
    assertEquals(1_000, accounts.rongcloudTokensValidFrom(a, "alice"));
    assertEquals(0, accounts.rongcloudTokensValidFrom(b, "alice"));
    assertKicked(inA, KickReason.CREDENTIAL_REVOKED);
    assertNotKicked(inB);
  }

  @Test
  @DisplayName("the same Tencent user id in two apps is two imported accounts")
  void tencent() {
    App a = Sandbox.tencentApp();
    App b = Harness.otherApp(a);
    accounts.importTencentAccount(a, "alice", "Alice in A", "");
    assertEquals(Optional.empty(), accounts.tencentAccount(b, "alice"));
    assertTrue(accounts.importTencentAccount(b, "alice", "Alice in B", ""));
    accounts.deleteTencentAccount(a, "alice");
    assertEquals("Alice in B", accounts.tencentAccount(b, "alice").orElseThrow().nick());
  }

  @Test
  @DisplayName("every method refuses an app of another vendor as a programming error")
  void wrongVendor() {
    App tencent = Sandbox.tencentApp();
    App netease = Sandbox.neteaseApp();
    List<Executable> calls = List.of(
        () -> accounts.createNeteaseAccount(tencent, "a", Optional.empty()),
        () -> accounts.updateNeteaseToken(tencent, "a", "t"),
        () -> accounts.refreshNeteaseToken(tencent, "a"),
        () -> accounts.blockNetease(tencent, "a", true),
        () -> accounts.unblockNetease(tencent, "a"),
        () -> accounts.checkNeteaseLogin(tencent, "a", "t"),
        () -> accounts.createSubAccount(netease, "a"),
        () -> accounts.subAccountByName(netease, "a"),
        () -> accounts.subAccounts(netease, 0, 10),
        () -> accounts.subAccountCount(netease),
        () -> accounts.closeSubAccount(netease, "a"),
        () -> accounts.checkVoipLogin(netease, "12345678901234", "p"),
        () -> accounts.expireRongcloudTokens(netease, "a", 1),
        () -> accounts.rongcloudTokensValidFrom(netease, "a"),
        () -> accounts.importTencentAccount(netease, "a", "", ""),
        () -> accounts.tencentAccount(netease, "a"),
        () -> accounts.deleteTencentAccount(netease, "a"));
    for (Executable call : calls) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertTrue(e.getMessage().contains(" app, not "), e.getMessage());
    }
  }
}
