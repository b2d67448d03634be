package io.parley.server.vendor;

import io.parley.server.account.AccountKeys;

import static io.parley.server.vendor.Harness.assertKicked;
import static io.parley.server.vendor.Harness.assertNotKicked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.v1.KickReason;
import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Accounts: Rongcloud token expiry (user/token/expire)")
class RongcloudRevocationTest extends AccountsTestBase {

  private static final App APP = Sandbox.rongcloudApp();


  @Test
  @DisplayName("a user whose tokens were never expired has every token valid: valid-from is 0")
  void neverExpired() {
    assertEquals(0, accounts.rongcloudTokensValidFrom(APP, "alice"));
  }

  @Test
  @DisplayName("expiring keeps the latest instant: an earlier one later does not bring old tokens back")
  void keepsTheMaximum() {
    accounts.expireRongcloudTokens(APP, "alice", 2_000);
    assertEquals(2_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
    accounts.expireRongcloudTokens(APP, "alice", 1_000);
    assertEquals(2_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
    accounts.expireRongcloudTokens(APP, "alice", 3_000);
    assertEquals(3_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
    assertEquals(0, accounts.rongcloudTokensValidFrom(APP, "bob"));
  }

  @Test
  @DisplayName("a cached valid-from is replaced as soon as the user's tokens are expired")
  void writeInvalidatesTheCache() {
    for (int i = 0; i < 3; i++) {
      assertEquals(0, accounts.rongcloudTokensValidFrom(APP, "alice"), "cached as never expired");
    }
    accounts.expireRongcloudTokens(APP, "alice", 5_000);
    assertEquals(5_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
    accounts.expireRongcloudTokens(APP, "alice", 9_000);
    assertEquals(9_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
  }

  @Test
  @DisplayName("a hot login reads valid-from from the cache, not the store")
  void hotLoginIsCached() {
    accounts.expireRongcloudTokens(APP, "alice", 5_000);
    assertEquals(5_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
    // Behind the cache's back: a raw delete in the store. The cached value is still answered.
    h.store.accounts().delete(AccountKeys.rongcloudValidFrom(APP.id(), "alice"));
    assertEquals(5_000, accounts.rongcloudTokensValidFrom(APP, "alice"));
  }

  @Test
  @DisplayName("expiring kicks the user's live sessions with CREDENTIAL_REVOKED, and no one else's")
  void expiringKicks() {
    EmbeddedChannel phone = h.login(APP, "alice");
    EmbeddedChannel bob = h.login(APP, "bob");
    accounts.expireRongcloudTokens(APP, "alice", 1_000);
    assertKicked(phone, KickReason.CREDENTIAL_REVOKED);
    assertNotKicked(bob);
  }

  @Test
  @DisplayName("a negative instant, an empty user id and one with U+0000 are refused as programming errors")
  void badArguments() {
    assertThrows(IllegalArgumentException.class, () -> accounts.expireRongcloudTokens(APP, "alice", -1));
    assertThrows(IllegalArgumentException.class, () -> accounts.expireRongcloudTokens(APP, "", 1));
    assertThrows(IllegalArgumentException.class, () -> accounts.rongcloudTokensValidFrom(APP, "a\0b"));
  }

  @Test
  @DisplayName("valid-from survives closing and reopening the store")
  void survivesReopen() {
    accounts.expireRongcloudTokens(APP, "alice", 7_000);
    h.reopen();
    assertEquals(7_000, h.accounts.rongcloudTokensValidFrom(APP, "alice"));
    h.accounts.expireRongcloudTokens(APP, "alice", 6_000);
    assertEquals(7_000, h.accounts.rongcloudTokensValidFrom(APP, "alice"));
  }
}
