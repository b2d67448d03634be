package io.parley.server.vendor.tencent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.server.app.AppRegistry;
import io.parley.server.config.Sandbox;
import io.parley.server.http.HttpRequest;
import io.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The REST admin check")
class AdminAuthTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AdminAuth auth = new AdminAuth(new AppRegistry(Sandbox.config().apps()), clock);

  private HttpRequest request(String userSig) {
    return new HttpRequest("POST", "/v4/im_open_login_svc/kick", Map.of(
        "sdkappid", List.of(Sandbox.TENCENT_APP_ID),
        "identifier", List.of(Sandbox.TENCENT_ADMIN),
        "usersig", List.of(userSig)), Map.of(), null, new byte[0]);
  }

  private String adminSig(long expireSeconds) {
    return UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, Sandbox.TENCENT_ADMIN, expireSeconds, null,
        clock.instant().getEpochSecond());
  }

  @Test
  @DisplayName("a cached admin UserSig stops working at its own expiry (70001), not at the cache's whim")
  void cachedSigExpires() throws Exception {
    String sig = adminSig(60);
    assertEquals(Sandbox.TENCENT_APP_ID, auth.authenticate(request(sig)).id());
    clock.advance(Duration.ofSeconds(59));
    assertEquals(Sandbox.TENCENT_APP_ID, auth.authenticate(request(sig)).id(), "still valid, from the cache");
    clock.advance(Duration.ofSeconds(1));
    TencentRestException expired = assertThrows(TencentRestException.class, () -> auth.authenticate(request(sig)));
    assertEquals(70001, expired.code());
  }

  @Test
  @DisplayName("a refused UserSig is not cached: it is refused the same way every time")
  void refusalsAreNotCached() {
    String forged = UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, "not-the-key", Sandbox.TENCENT_ADMIN, 60, null,
        clock.instant().getEpochSecond());
    for (int i = 0; i < 2; i++) {
      assertEquals(70009, assertThrows(TencentRestException.class, () -> auth.authenticate(request(forged))).code());
    }
  }
}
