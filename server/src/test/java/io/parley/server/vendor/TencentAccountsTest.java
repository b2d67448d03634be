package io.parley.server.vendor;

import io.parley.server.vendor.tencent.TencentAccount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts: Tencent imported accounts (account_import)")
class TencentAccountsTest extends AccountsTestBase {

  private static final App APP = Sandbox.tencentApp();


  @Test
  @DisplayName("importing a new account stores its nick, face URL and the import time")
  void importNew() {
    assertTrue(accounts.importTencentAccount(APP, "alice", "Alice", "https://img.example/alice.png"));
    assertEquals(Optional.of(new TencentAccount("alice", "Alice", "https://img.example/alice.png",
        Harness.START.toEpochMilli())), accounts.tencentAccount(APP, "alice"));
    assertEquals(Optional.empty(), accounts.tencentAccount(APP, "bob"));
  }

  @Test
  @DisplayName("importing an account again updates nick and face URL, keeps the first import time and says it was not new")
  void reimport() {
    accounts.importTencentAccount(APP, "alice", "Alice", "");
    h.clock.advance(Duration.ofMinutes(5));
    assertFalse(accounts.importTencentAccount(APP, "alice", "Alice W.", "https://img.example/a.png"));
    assertEquals(Optional.of(new TencentAccount("alice", "Alice W.", "https://img.example/a.png",
        Harness.START.toEpochMilli())), accounts.tencentAccount(APP, "alice"));
  }

  @Test
  @DisplayName("deleting removes the account once; deleting again, or an unknown one, answers false")
  void delete() {
    accounts.importTencentAccount(APP, "alice", "Alice", "");
    assertTrue(accounts.deleteTencentAccount(APP, "alice"));
    assertEquals(Optional.empty(), accounts.tencentAccount(APP, "alice"));
    assertFalse(accounts.deleteTencentAccount(APP, "alice"));
    assertFalse(accounts.deleteTencentAccount(APP, "ghost"));
    assertTrue(accounts.importTencentAccount(APP, "alice", "Alice again", ""), "a deleted account imports as new");
  }

  @Test
  @DisplayName("imported accounts survive closing and reopening the store")
  void survivesReopen() {
    accounts.importTencentAccount(APP, "alice", "Alice", "https://img.example/alice.png");
    accounts.importTencentAccount(APP, "bob", "Bob", "");
    accounts.deleteTencentAccount(APP, "bob");
    h.reopen();
    assertEquals(Optional.of(new TencentAccount("alice", "Alice", "https://img.example/alice.png",
        Harness.START.toEpochMilli())), h.accounts.tencentAccount(APP, "alice"));
    assertEquals(Optional.empty(), h.accounts.tencentAccount(APP, "bob"));
  }
}
