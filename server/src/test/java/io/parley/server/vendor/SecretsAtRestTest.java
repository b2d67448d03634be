package io.parley.server.vendor;

import io.parley.server.account.AccountKeys;
import io.parley.server.account.SecretBox;
import io.parley.server.account.Bytes;
import io.parley.server.vendor.netease.NeteaseLogin;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.vendor.yuntongxun.VoipLogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import io.parley.server.store.AccountStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Accounts: secrets at rest (raw RocksDB bytes)")
class SecretsAtRestTest {

  private static final App NETEASE = Sandbox.neteaseApp();
  private static final App YUNTONGXUN = Sandbox.yuntongxunApp();

  @TempDir
  Path dir;
  private Harness h;

  @BeforeEach
  void open() {
    h = new Harness(dir);
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  @DisplayName("no NetEase token, given or generated, appears anywhere in any column family, yet each still logs in")
  void neteaseTokensHashed() throws Exception {
    String given = "the-clear-token-of-alice";
    h.accounts.createNeteaseAccount(NETEASE, "alice", Optional.of(given));
    String generated = h.accounts.createNeteaseAccount(NETEASE, "bob", Optional.empty());
    String refreshed = h.accounts.refreshNeteaseToken(NETEASE, "bob");
    h.accounts.updateNeteaseToken(NETEASE, "alice", "the-updated-token-of-alice");
    List<byte[]> raw = h.rawBytes();
    assertTrue(Bytes.anyContains(raw, "alice"), "the raw read does see the accounts");
    for (String token : List.of(given, generated, refreshed, "the-updated-token-of-alice")) {
      assertFalse(Bytes.anyContains(raw, token), token + " is stored in clear");
    }
    assertEquals(NeteaseLogin.OK, h.accounts.checkNeteaseLogin(NETEASE, "alice", "the-updated-token-of-alice"));
    assertEquals(NeteaseLogin.OK, h.accounts.checkNeteaseLogin(NETEASE, "bob", refreshed));
  }

  @Test
  @DisplayName("no sub-token or VoIP password appears anywhere in any column family, yet queries return them")
  void subAccountSecretsSealed() throws Exception {
    SubAccount alice = h.accounts.createSubAccount(YUNTONGXUN, "alice");
    SubAccount bob = h.accounts.createSubAccount(YUNTONGXUN, "bob");
    List<byte[]> raw = h.rawBytes();
    assertTrue(Bytes.anyContains(raw, alice.voipAccount()), "the raw read does see the accounts");
    for (SubAccount account : List.of(alice, bob)) {
      assertFalse(Bytes.anyContains(raw, account.subToken()), "subToken stored in clear");
      assertFalse(Bytes.anyContains(raw, account.voipPwd()), "voipPwd stored in clear");
    }
    assertEquals(Optional.of(alice), h.accounts.subAccountByName(YUNTONGXUN, "alice"));
    assertEquals(VoipLogin.OK, h.accounts.checkVoipLogin(YUNTONGXUN, bob.voipAccount(), bob.voipPwd()));
  }

  @Test
  @DisplayName("a service with another master key cannot open stored sub-account secrets")
  void otherKeyCannotOpen() throws Exception {
    SubAccount alice = h.accounts.createSubAccount(YUNTONGXUN, "alice");
    Accounts stranger = new Accounts(h.store.accounts(), SecretBox.openOrCreate(dir.resolve("stranger.key")),
        h.sessions, h.clock);
    assertThrows(SecurityException.class, () -> stranger.subAccountByName(YUNTONGXUN, "alice"));
    assertThrows(SecurityException.class, () -> stranger.subAccounts(YUNTONGXUN, 0, 10));
    assertThrows(SecurityException.class,
        () -> stranger.checkVoipLogin(YUNTONGXUN, alice.voipAccount(), alice.voipPwd()));
  }

  @Test
  @DisplayName("a stored sub-account whose sealed bytes were altered is refused, not misread")
  void tamperedRecordDetected() throws Exception {
    SubAccount alice = h.accounts.createSubAccount(YUNTONGXUN, "alice");
    AccountStore raw = h.store.accounts();
    byte[] key = AccountKeys.subAccount(YUNTONGXUN.id(), 1);
    byte[] value = raw.get(key);
    value[value.length - 40] ^= 0x01; // inside the sealed VoIP password, before the friendly name
    raw.put(key, value);
    assertThrows(SecurityException.class,
        () -> h.accounts.checkVoipLogin(YUNTONGXUN, alice.voipAccount(), alice.voipPwd()));
    assertThrows(SecurityException.class, () -> h.accounts.subAccountByName(YUNTONGXUN, "alice"));
  }

  @Test
  @DisplayName("a sub-account record copied into another app does not open there")
  void sealedValuesBoundToTheirApp() throws Exception {
    h.accounts.createSubAccount(YUNTONGXUN, "alice");
    App other = Harness.otherApp(YUNTONGXUN);
    AccountStore raw = h.store.accounts();
    raw.put(AccountKeys.subAccount(other.id(), 1), raw.get(AccountKeys.subAccount(YUNTONGXUN.id(), 1)));
    assertThrows(SecurityException.class, () -> h.accounts.subAccounts(other, 0, 10));
  }
}
