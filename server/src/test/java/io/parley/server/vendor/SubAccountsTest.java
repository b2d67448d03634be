package io.parley.server.vendor;

import io.parley.server.account.AccountException;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.vendor.yuntongxun.VoipLogin;

import static io.parley.server.vendor.Harness.assertKicked;
import static io.parley.server.vendor.Harness.assertNotKicked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.v1.KickReason;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts: Yuntongxun sub-accounts and VoIP logins")
class SubAccountsTest extends AccountsTestBase {

  private static final App APP = Sandbox.yuntongxunApp();


  @Test
  @DisplayName("a new sub-account has a 32-char sid and sub-token, a 14-digit voipAccount, an 8-char voipPwd and a UTC+8 creation date")
  void createdFields() throws Exception {
    SubAccount account = accounts.createSubAccount(APP, "Alice Smith");
    assertTrue(account.subAccountSid().matches("[0-9a-z]{32}"), account.subAccountSid());
    assertTrue(account.subToken().matches("[0-9a-z]{32}"), "subToken");
    assertNotEquals(account.subAccountSid(), account.subToken());
    assertTrue(account.voipAccount().matches("[0-9]{14}"), account.voipAccount());
    assertTrue(account.voipPwd().matches("[0-9a-zA-Z]{8}"), "voipPwd");
    assertEquals("2024-03-02 00:30:05", account.dateCreated(), "16:30:05 UTC is 00:30:05 the next day in UTC+8");
    assertEquals("Alice Smith", account.friendlyName());
    assertEquals(1, accounts.subAccountCount(APP));
  }

  @Test
  @DisplayName("a sub-account prints without its sub-token and VoIP password")
  void toStringRedacts() throws Exception {
    SubAccount account = accounts.createSubAccount(APP, "alice");
    String printed = account.toString();
    assertFalse(printed.contains(account.subToken()), printed);
    assertFalse(printed.contains(account.voipPwd()), printed);
    assertTrue(printed.contains(account.voipAccount()), printed);
  }

  @Test
  @DisplayName("a friendly name already used in the app is refused with 110011 and creates nothing")
  void duplicateName() throws Exception {
    SubAccount first = accounts.createSubAccount(APP, "alice");
    AccountException e = assertThrows(AccountException.class, () -> accounts.createSubAccount(APP, "alice"));
    assertEquals(110011, e.code());
    assertEquals("sub-account name already used", e.getMessage());
    assertEquals(1, accounts.subAccountCount(APP));
    assertEquals(List.of(first), accounts.subAccounts(APP, 0, 100));
  }

  @Test
  @DisplayName("a friendly name empty, over 64 characters or with a control character is refused with 110141")
  void invalidName() throws Exception {
    for (String name : new String[] {"", "n".repeat(65), "line\nbreak", "nul\0"}) {
      assertEquals(110141, assertThrows(AccountException.class, () -> accounts.createSubAccount(APP, name)).code());
    }
    accounts.createSubAccount(APP, "n".repeat(64));
    accounts.createSubAccount(APP, "张三 🙂");
    assertEquals(2, accounts.subAccountCount(APP));
  }

  @Test
  @DisplayName("a sub-account is found by its friendly name with the same fields it was created with")
  void queryByName() throws Exception {
    SubAccount alice = accounts.createSubAccount(APP, "alice");
    accounts.createSubAccount(APP, "bob");
    assertEquals(Optional.of(alice), accounts.subAccountByName(APP, "alice"));
    assertEquals(Optional.empty(), accounts.subAccountByName(APP, "carol"));
    assertEquals(Optional.empty(), accounts.subAccountByName(APP, ""));
  }

  @Test
  @DisplayName("listing pages through sub-accounts in creation order: skip startNo, take offset")
  void listPaging() throws Exception {
    List<SubAccount> created = IntStream.range(0, 25).mapToObj(i -> create("user" + (24 - i))).toList();
    assertEquals(created.subList(0, 10), accounts.subAccounts(APP, 0, 10));
    assertEquals(created.subList(10, 20), accounts.subAccounts(APP, 10, 10));
    assertEquals(created.subList(20, 25), accounts.subAccounts(APP, 20, 10));
    assertEquals(List.of(), accounts.subAccounts(APP, 25, 10));
    assertEquals(created.subList(24, 25), accounts.subAccounts(APP, 24, 1));
    assertEquals(created, accounts.subAccounts(APP, 0, 100));
    assertEquals(25, accounts.subAccountCount(APP));
  }

  @Test
  @DisplayName("listing refuses an offset outside 1..100 and a negative startNo")
  void listBounds() {
    assertThrows(IllegalArgumentException.class, () -> accounts.subAccounts(APP, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> accounts.subAccounts(APP, 0, 101));
    assertThrows(IllegalArgumentException.class, () -> accounts.subAccounts(APP, -1, 10));
  }

  @Test
  @DisplayName("a VoIP login needs the account's own password; an unknown voipAccount does not exist")
  void voipLogins() throws Exception {
    SubAccount alice = accounts.createSubAccount(APP, "alice");
    SubAccount bob = accounts.createSubAccount(APP, "bob");
    assertEquals(VoipLogin.OK, accounts.checkVoipLogin(APP, alice.voipAccount(), alice.voipPwd()));
    assertEquals(VoipLogin.WRONG_PASSWORD, accounts.checkVoipLogin(APP, alice.voipAccount(), bob.voipPwd()));
    assertEquals(VoipLogin.WRONG_PASSWORD, accounts.checkVoipLogin(APP, alice.voipAccount(), ""));
    assertEquals(VoipLogin.WRONG_PASSWORD,
        accounts.checkVoipLogin(APP, alice.voipAccount(), alice.voipPwd().toUpperCase() + "x"));
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(APP, "12345678901234", alice.voipPwd()));
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(APP, "alice", alice.voipPwd()));
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(APP, alice.subAccountSid(), alice.voipPwd()));
  }

  @Test
  @DisplayName("closing a sub-account kicks its user's sessions with CREDENTIAL_REVOKED and its login then finds no account")
  void closeKicksAndRemoves() throws Exception {
    SubAccount alice = accounts.createSubAccount(APP, "alice");
    SubAccount bob = accounts.createSubAccount(APP, "bob");
    EmbeddedChannel aliceSession = h.login(APP, alice.voipAccount());
    EmbeddedChannel bobSession = h.login(APP, bob.voipAccount());
    accounts.closeSubAccount(APP, alice.subAccountSid());
    assertKicked(aliceSession, KickReason.CREDENTIAL_REVOKED);
    assertNotKicked(bobSession);
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(APP, alice.voipAccount(), alice.voipPwd()));
    assertEquals(VoipLogin.OK, accounts.checkVoipLogin(APP, bob.voipAccount(), bob.voipPwd()));
    assertEquals(Optional.empty(), accounts.subAccountByName(APP, "alice"));
    assertEquals(List.of(bob), accounts.subAccounts(APP, 0, 100));
    assertEquals(1, accounts.subAccountCount(APP));
  }

  @Test
  @DisplayName("closing an unknown or already closed sub-account is refused with 110015")
  void closeUnknown() throws Exception {
    SubAccount alice = accounts.createSubAccount(APP, "alice");
    accounts.closeSubAccount(APP, alice.subAccountSid());
    assertEquals(110015, assertThrows(AccountException.class,
        () -> accounts.closeSubAccount(APP, alice.subAccountSid())).code());
    assertEquals(110015, assertThrows(AccountException.class,
        () -> accounts.closeSubAccount(APP, "0".repeat(32))).code());
    assertEquals(110015, assertThrows(AccountException.class,
        () -> accounts.closeSubAccount(APP, "not a sid")).code());
    assertEquals(0, accounts.subAccountCount(APP));
  }

  @Test
  @DisplayName("a closed sub-account's name may be used again, by a new account with a new voipAccount")
  void nameReusedAfterClose() throws Exception {
    SubAccount first = accounts.createSubAccount(APP, "alice");
    accounts.closeSubAccount(APP, first.subAccountSid());
    SubAccount second = accounts.createSubAccount(APP, "alice");
    assertNotEquals(first.voipAccount(), second.voipAccount());
    assertNotEquals(first.subAccountSid(), second.subAccountSid());
    assertEquals(Optional.of(second), accounts.subAccountByName(APP, "alice"));
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(APP, first.voipAccount(), first.voipPwd()));
  }

  @Test
  @DisplayName("voipAccounts and sids stay unique over many creations, even when the random source repeats itself")
  void uniqueAcrossManyCreations() throws Exception {
    // Two services over one store drawing the same random sequence: the second's first sid was already taken.
    Accounts first = new Accounts(h.store.accounts(), h.box, h.sessions, h.clock, new Random(7));
    Accounts second = new Accounts(h.store.accounts(), h.box, h.sessions, h.clock, new Random(7));
    int each = 300;
    for (int i = 0; i < each; i++) {
      first.createSubAccount(APP, "first-" + i);
    }
    for (int i = 0; i < each; i++) {
      second.createSubAccount(APP, "second-" + i);
    }
    List<SubAccount> all = all();
    assertEquals(2 * each, all.size());
    assertEquals(2 * each, all.stream().map(SubAccount::voipAccount).collect(Collectors.toSet()).size());
    assertEquals(2 * each, all.stream().map(SubAccount::subAccountSid).collect(Collectors.toSet()).size());
    for (SubAccount account : all) {
      assertEquals(VoipLogin.OK, accounts.checkVoipLogin(APP, account.voipAccount(), account.voipPwd()));
    }
  }

  @Test
  @DisplayName("a closed sub-account's voipAccount is never handed out again")
  void closedVoipAccountReserved() throws Exception {
    // The replay draws the closed account's sid (free again) and then its voipAccount (reserved), so it must redraw.
    Accounts first = new Accounts(h.store.accounts(), h.box, h.sessions, h.clock, new Random(11));
    SubAccount closed = first.createSubAccount(APP, "closed");
    first.closeSubAccount(APP, closed.subAccountSid());
    Accounts replay = new Accounts(h.store.accounts(), h.box, h.sessions, h.clock, new Random(11));
    SubAccount next = replay.createSubAccount(APP, "next");
    assertNotEquals(closed.voipAccount(), next.voipAccount());
  }

  @Test
  @DisplayName("sub-accounts, their secrets, order, count and closures survive closing and reopening the store and the key")
  void survivesReopen() throws Exception {
    SubAccount alice = accounts.createSubAccount(APP, "alice");
    SubAccount bob = accounts.createSubAccount(APP, "bob");
    SubAccount carol = accounts.createSubAccount(APP, "carol");
    accounts.closeSubAccount(APP, bob.subAccountSid());
    h.reopen();
    accounts = h.accounts;
    assertEquals(List.of(alice, carol), accounts.subAccounts(APP, 0, 100));
    assertEquals(2, accounts.subAccountCount(APP));
    assertEquals(Optional.of(carol), accounts.subAccountByName(APP, "carol"));
    assertEquals(VoipLogin.OK, accounts.checkVoipLogin(APP, alice.voipAccount(), alice.voipPwd()));
    assertEquals(VoipLogin.NO_SUCH_ACCOUNT, accounts.checkVoipLogin(APP, bob.voipAccount(), bob.voipPwd()));
    assertEquals(110011, assertThrows(AccountException.class, () -> accounts.createSubAccount(APP, "alice")).code());
    SubAccount dave = accounts.createSubAccount(APP, "dave");
    assertEquals(List.of(alice, carol, dave), accounts.subAccounts(APP, 0, 100), "creation order continues");
  }

  private SubAccount create(String name) {
    try {
      return accounts.createSubAccount(APP, name);
    } catch (AccountException e) {
      throw new AssertionError(e);
    }
  }

  private List<SubAccount> all() {
    Set<SubAccount> seen = new HashSet<>();
    List<SubAccount> out = new ArrayList<>();
    for (int start = 0; ; start += 100) {
      List<SubAccount> page = accounts.subAccounts(APP, start, 100);
      if (page.isEmpty()) {
        return out;
      }
      page.forEach(a -> assertTrue(seen.add(a), "listed twice: " + a));
      out.addAll(page);
    }
  }
}
