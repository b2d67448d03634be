package io.parley.server.auth;

import io.parley.server.vendor.Vendors;

import io.parley.server.app.AppRegistry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentyun.TLSSigAPIv2;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("AuthService")
class AuthServiceTest {
  static final String APP_ID = "1400000000";
  static final long SDKAPPID = 1_400_000_000L;
  static final String KEY = "parley-dev-tencent-key";
  static final String OTHER_APP_ID = "1400000001";
  static final String OTHER_KEY = "another-tencent-key";
  static final long NOW = 1_790_000_000L;
  static final long DAY = 86_400L;

  final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "verify"));
  final CountingExecutor executor = new CountingExecutor(thread);
  final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
  final AuthService auth = Vendors.authService(
      new AppRegistry(List.of(TestApps.tencent(APP_ID, KEY), TestApps.tencent(OTHER_APP_ID, OTHER_KEY))),
      new LoginThrottle(TestApps.LENIENT_THROTTLE, clock), null, executor, clock, 1_000);

  @AfterEach
  void stopExecutor() throws InterruptedException {
    thread.shutdownNow();
    assertTrue(thread.awaitTermination(5, TimeUnit.SECONDS));
  }

  static String userSig(String user) {
    return UserSig.generate(SDKAPPID, KEY, user, DAY, null, NOW);
  }

  AuthResult login(String appId, String user, String credential) throws Exception {
    return auth.authenticate(attempt(appId, user, credential)).get(5, TimeUnit.SECONDS);
  }

  static LoginAttempt attempt(String appId, String user, String userSig) {
    return new LoginAttempt(appId, user, CredentialKind.TENCENT_USERSIG, userSig, "127.0.0.1");
  }

  static void assertRefused(int code, AuthResult result) {
    assertFalse(result.ok(), result.message());
    assertEquals(code, result.code(), result.message());
    assertEquals(0L, result.expiresAtMillis());
    assertFalse(result.message().isBlank());
    assertFalse(result.message().contains(KEY), "a message must never contain the secret key");
    assertFalse(result.message().contains(OTHER_KEY), "a message must never contain the secret key");
  }

  @Test
  @DisplayName("a valid UserSig logs in until its own expiry")
  void validLogin() throws Exception {
    AuthResult result = login(APP_ID, "alice", userSig("alice"));

    assertTrue(result.ok(), result.message());
    assertEquals(0, result.code());
    assertEquals((NOW + DAY) * 1000, result.expiresAtMillis());
    assertEquals(1, executor.submissions());
  }

  @Test
  @DisplayName("a UserSig from the official signer logs in")
  void officialSignerLogin() throws Exception {
    String sig = new TLSSigAPIv2(SDKAPPID, KEY).genUserSig("alice", DAY);
    clock.set(Instant.ofEpochSecond(UserSig.decode(sig).time()));

    assertTrue(login(APP_ID, "alice", sig).ok());
  }

  @Test
  @DisplayName("an uncached UserSig is checked on the verify executor, not on the caller's thread")
  void missRunsOnExecutor() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    thread.execute(() -> awaitQuietly(release)); // keep the verify thread busy
    AtomicReference<String> completedOn = new AtomicReference<>();

    CompletableFuture<AuthResult> pending =
        auth.authenticate(attempt(APP_ID, "alice", userSig("alice")));
    CompletableFuture<AuthResult> observed = pending.whenComplete((r, e) -> completedOn.set(Thread.currentThread().getName()));
    assertFalse(pending.isDone(), "the check must wait for the verify executor");
    release.countDown();

    assertTrue(observed.get(5, TimeUnit.SECONDS).ok());
    assertEquals("verify", completedOn.get());
  }

  @Test
  @DisplayName("a cached UserSig is answered at once without touching the executor")
  void cacheHit() throws Exception {
    String sig = userSig("alice");
    assertTrue(login(APP_ID, "alice", sig).ok());
    assertEquals(1, executor.submissions());

    CompletableFuture<AuthResult> again = auth.authenticate(attempt(APP_ID, "alice", sig));

    assertTrue(again.isDone(), "a cache hit completes before returning");
    assertTrue(again.get().ok());
    assertEquals((NOW + DAY) * 1000, again.get().expiresAtMillis());
    assertEquals(1, executor.submissions());
  }

  @Test
  @DisplayName("refusals are not cached: the same bad UserSig is checked again")
  void refusalsNotCached() throws Exception {
    String forged = UserSig.generate(SDKAPPID, OTHER_KEY, "alice", DAY, null, NOW);

    assertRefused(ErrorCodes.TENCENT_SIGNATURE_MISMATCH, login(APP_ID, "alice", forged));
    assertRefused(ErrorCodes.TENCENT_SIGNATURE_MISMATCH, login(APP_ID, "alice", forged));
    assertEquals(2, executor.submissions());
  }

  @Test
  @DisplayName("a cached UserSig is refused (70013) for another user, still without the executor")
  void cachedForAnotherUser() throws Exception {
    String sig = userSig("alice");
    assertTrue(login(APP_ID, "alice", sig).ok());

    CompletableFuture<AuthResult> asBob = auth.authenticate(attempt(APP_ID, "bob", sig));

    assertTrue(asBob.isDone());
    assertRefused(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, asBob.get());
    assertEquals(1, executor.submissions());
    assertTrue(login(APP_ID, "alice", sig).ok(), "the entry stays good for its own user");
  }

  @Test
  @DisplayName("a cached UserSig is refused (70001) once the clock passes its expiry, and leaves the cache")
  void cachedAfterExpiry() throws Exception {
    String sig = userSig("alice");
    assertTrue(login(APP_ID, "alice", sig).ok());
    clock.advance(Duration.ofSeconds(DAY - 1));
    assertTrue(login(APP_ID, "alice", sig).ok(), "one second before expiry it still works");
    clock.advance(Duration.ofSeconds(1));

    CompletableFuture<AuthResult> late = auth.authenticate(attempt(APP_ID, "alice", sig));

    assertTrue(late.isDone(), "answered from the cache");
    assertRefused(ErrorCodes.TENCENT_USERSIG_EXPIRED, late.get());
    assertTrue(late.get().message().contains("2026-09-22T14:13:20Z"), late.get().message());
    assertEquals(1, executor.submissions());
    assertRefused(ErrorCodes.TENCENT_USERSIG_EXPIRED, login(APP_ID, "alice", sig));
    assertEquals(2, executor.submissions(), "the expired entry was dropped, so the next attempt is checked afresh");
  }

  @Test
  @DisplayName("a UserSig verified for one app is not a cache hit for another (70014)")
  void cacheIsPerApp() throws Exception {
    String sig = userSig("alice");
    assertTrue(login(APP_ID, "alice", sig).ok());

    assertRefused(ErrorCodes.TENCENT_SDKAPPID_MISMATCH, login(OTHER_APP_ID, "alice", sig));
    assertEquals(2, executor.submissions());
  }

  @Test
  @DisplayName("70001: an expired UserSig")
  void expired() throws Exception {
    clock.advance(Duration.ofDays(2));

    assertRefused(ErrorCodes.TENCENT_USERSIG_EXPIRED, login(APP_ID, "alice", userSig("alice")));
  }

  @Test
  @DisplayName("70003: garbage, an empty or a missing UserSig")
  void undecodable() throws Exception {
    assertRefused(ErrorCodes.TENCENT_USERSIG_INVALID, login(APP_ID, "alice", "not a usersig"));
    assertRefused(ErrorCodes.TENCENT_USERSIG_INVALID, login(APP_ID, "alice", ""));
    assertRefused(ErrorCodes.TENCENT_USERSIG_INVALID, login(APP_ID, "alice", null));
  }

  @Test
  @DisplayName("70009: a UserSig signed with another key")
  void badSignature() throws Exception {
    String forged = UserSig.generate(SDKAPPID, OTHER_KEY, "alice", DAY, null, NOW);

    assertRefused(ErrorCodes.TENCENT_SIGNATURE_MISMATCH, login(APP_ID, "alice", forged));
  }

  @Test
  @DisplayName("70013: another user's UserSig, or no user at all")
  void identifierMismatch() throws Exception {
    assertRefused(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, login(APP_ID, "bob", userSig("alice")));
    assertRefused(ErrorCodes.TENCENT_IDENTIFIER_MISMATCH, login(APP_ID, null, userSig("alice")));
  }

  @Test
  @DisplayName("70014: a UserSig issued for another SDKAppID")
  void sdkAppIdMismatch() throws Exception {
    String otherApps = UserSig.generate(SDKAPPID + 1, OTHER_KEY, "alice", DAY, null, NOW);

    assertRefused(ErrorCodes.TENCENT_SDKAPPID_MISMATCH, login(APP_ID, "alice", otherApps));
  }

  @Test
  @DisplayName("70016: an app id nobody hosts, answered without the executor")
  void unknownApp() throws Exception {
    assertRefused(ErrorCodes.UNKNOWN_APP, login("1499999999", "alice", userSig("alice")));
    assertRefused(ErrorCodes.UNKNOWN_APP, login(null, "alice", userSig("alice")));
    assertEquals(0, executor.submissions());
  }

  @Test
  @DisplayName("1008: a Tencent app refuses any credential kind but a UserSig, and says which it wants")
  void wrongKind() throws Exception {
    for (CredentialKind kind : List.of(CredentialKind.RONGCLOUD_TOKEN, CredentialKind.CREDENTIAL_KIND_UNSPECIFIED)) {
      AuthResult result = auth.authenticate(new LoginAttempt(APP_ID, "alice", kind, userSig("alice"), "127.0.0.1")).get();
      assertRefused(ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED, result);
      assertTrue(result.message().contains("TENCENT_USERSIG"), result.message());
    }
    assertEquals(0, executor.submissions());
  }

  @Test
  @DisplayName("a verify executor that refuses work yields an 'unavailable' refusal, not an exception")
  void rejectedExecution() throws Exception {
    thread.shutdown();

    assertRefused(ErrorCodes.UNAVAILABLE, login(APP_ID, "alice", userSig("alice")));
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
