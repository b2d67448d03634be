package io.parley.server.vendor;

import io.parley.server.account.AccountException;
import io.parley.server.vendor.netease.NeteaseLogin;

import static io.parley.server.vendor.Harness.assertKicked;
import static io.parley.server.vendor.Harness.assertNotKicked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.v1.KickReason;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts: NetEase accounts and static-token logins")
class NeteaseAccountsTest extends AccountsTestBase {

  private static final App APP = Sandbox.neteaseApp();


  @Test
  @DisplayName("creating an account without a token generates 32 lower-case hex characters, and that token logs in")
  void createGeneratesToken() throws Exception {
    String token = accounts.createNeteaseAccount(APP, "alice", Optional.empty());
    assertTrue(token.matches("[0-9a-f]{32}"), token);
    assertNotEquals(token, accounts.createNeteaseAccount(APP, "bob", Optional.empty()));
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", token));
  }

  @Test
  @DisplayName("creating an account with a token returns that token, and only it logs in")
  void createWithGivenToken() throws Exception {
    assertEquals("my-token", accounts.createNeteaseAccount(APP, "alice", Optional.of("my-token")));
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", "my-token"));
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(APP, "alice", "my-token2"));
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(APP, "alice", ""));
  }

  @Test
  @DisplayName("a second account with the same accid is refused with 414 \"already register\" and the first keeps its token")
  void duplicateAccid() throws Exception {
    accounts.createNeteaseAccount(APP, "alice", Optional.of("first"));
    AccountException e = assertThrows(AccountException.class,
        () -> accounts.createNeteaseAccount(APP, "alice", Optional.of("second")));
    assertEquals(414, e.code());
    assertEquals("already register", e.getMessage());
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", "first"));
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(APP, "alice", "second"));
  }

  @Test
  @DisplayName("an accid over 32 characters, empty or with a control character, and a token empty or over 128 characters are refused with 414")
  void invalidParameters() throws Exception {
    for (String accid : new String[] {"a".repeat(33), "", "nul\0in", "tab\tin"}) {
      AccountException e = assertThrows(AccountException.class,
          () -> accounts.createNeteaseAccount(APP, accid, Optional.empty()), accid);
      assertEquals(414, e.code());
    }
    assertEquals(32, accounts.createNeteaseAccount(APP, "a".repeat(32), Optional.empty()).length());
    assertEquals(414, assertThrows(AccountException.class,
        () -> accounts.createNeteaseAccount(APP, "bob", Optional.of(""))).code());
    assertEquals(414, assertThrows(AccountException.class,
        () -> accounts.createNeteaseAccount(APP, "bob", Optional.of("t".repeat(129)))).code());
    accounts.createNeteaseAccount(APP, "bob", Optional.of("t".repeat(128)));
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "bob", "t".repeat(128)));
  }

  @Test
  @DisplayName("updating the token replaces it and leaves live sessions connected")
  void updateToken() throws Exception {
    accounts.createNeteaseAccount(APP, "alice", Optional.of("old"));
    EmbeddedChannel session = h.login(APP, "alice");
    accounts.updateNeteaseToken(APP, "alice", "new");
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(APP, "alice", "old"));
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", "new"));
    assertNotKicked(session);
  }

  @Test
  @DisplayName("updating or refreshing the token of an unknown accid is refused with 414 \"accid not exist\"")
  void unknownAccid() {
    AccountException update = assertThrows(AccountException.class,
        () -> accounts.updateNeteaseToken(APP, "ghost", "t"));
    assertEquals(414, update.code());
    assertEquals("accid not exist", update.getMessage());
    assertEquals(414, assertThrows(AccountException.class, () -> accounts.refreshNeteaseToken(APP, "ghost")).code());
    assertEquals(414, assertThrows(AccountException.class, () -> accounts.blockNetease(APP, "ghost", true)).code());
    assertEquals(414, assertThrows(AccountException.class, () -> accounts.unblockNetease(APP, "ghost")).code());
  }

  @Test
  @DisplayName("refreshing the token returns a new generated one; the old one stops working")
  void refreshToken() throws Exception {
    String first = accounts.createNeteaseAccount(APP, "alice", Optional.empty());
    String second = accounts.refreshNeteaseToken(APP, "alice");
    assertTrue(second.matches("[0-9a-f]{32}"), second);
    assertNotEquals(first, second);
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(APP, "alice", first));
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", second));
  }

  @Test
  @DisplayName("a blocked account's right token answers BLOCKED, a wrong one still WRONG_TOKEN, and unblocking lets it in again")
  void blockAndUnblock() throws Exception {
    accounts.createNeteaseAccount(APP, "alice", Optional.of("secret"));
    accounts.blockNetease(APP, "alice", false);
    assertEquals(NeteaseLogin.BLOCKED, accounts.checkNeteaseLogin(APP, "alice", "secret"));
    assertEquals(NeteaseLogin.WRONG_TOKEN, accounts.checkNeteaseLogin(APP, "alice", "guess"));
    accounts.blockNetease(APP, "alice", false);
    accounts.refreshNeteaseToken(APP, "alice");
    accounts.updateNeteaseToken(APP, "alice", "secret");
    assertEquals(NeteaseLogin.BLOCKED, accounts.checkNeteaseLogin(APP, "alice", "secret"), "a new token keeps the block");
    accounts.unblockNetease(APP, "alice");
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", "secret"));
  }

  @Test
  @DisplayName("an unknown accid answers NO_SUCH_ACCOUNT, whatever the token")
  void noSuchAccount() throws Exception {
    assertEquals(NeteaseLogin.NO_SUCH_ACCOUNT, accounts.checkNeteaseLogin(APP, "ghost", "anything"));
    assertEquals(NeteaseLogin.NO_SUCH_ACCOUNT, accounts.checkNeteaseLogin(APP, "x".repeat(40), "anything"));
    assertEquals(NeteaseLogin.NO_SUCH_ACCOUNT, accounts.checkNeteaseLogin(APP, "", "anything"));
  }

  @Test
  @DisplayName("blocking with kick kicks every live session of that account with ACCOUNT_BLOCKED, and no one else")
  void blockKicks() throws Exception {
    accounts.createNeteaseAccount(APP, "alice", Optional.empty());
    EmbeddedChannel alice = h.login(APP, "alice");
    EmbeddedChannel bob = h.login(APP, "bob");
    accounts.blockNetease(APP, "alice", true);
    assertKicked(alice, KickReason.ACCOUNT_BLOCKED);
    assertNotKicked(bob);
  }

  @Test
  @DisplayName("blocking without kick leaves live sessions connected")
  void blockWithoutKick() throws Exception {
    accounts.createNeteaseAccount(APP, "alice", Optional.empty());
    EmbeddedChannel alice = h.login(APP, "alice");
    accounts.blockNetease(APP, "alice", false);
    assertNotKicked(alice);
  }

  @Test
  @DisplayName("accounts, their tokens and blocks survive closing and reopening the store")
  void survivesReopen() throws Exception {
    String alice = accounts.createNeteaseAccount(APP, "alice", Optional.empty());
    accounts.createNeteaseAccount(APP, "bob", Optional.of("bob-token"));
    accounts.blockNetease(APP, "bob", false);
    h.reopen();
    accounts = h.accounts;
    assertEquals(NeteaseLogin.OK, accounts.checkNeteaseLogin(APP, "alice", alice));
    assertEquals(NeteaseLogin.BLOCKED, accounts.checkNeteaseLogin(APP, "bob", "bob-token"));
    assertEquals(414, assertThrows(AccountException.class,
        () -> accounts.createNeteaseAccount(APP, "alice", Optional.empty())).code());
  }
}
