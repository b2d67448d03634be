package io.parley.bench.jmh;

import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.credential.tencent.UserSigCheck;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.auth.AuthResult;
import io.parley.server.auth.AuthService;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.auth.LoginThrottle;
import io.parley.server.config.Sandbox;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Login cost of a valid Tencent UserSig: full check, Caffeine-cached AuthService hit, and issuing one. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UserSigBenchmark {
  static final String USER = "alice";
  static final long VALID_SECONDS = 180L * 24 * 3600;

  private long now;
  private String userSig;
  private AuthService auth;

  @Setup
  public void setUp() {
    now = System.currentTimeMillis() / 1000;
    userSig = UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, USER, VALID_SECONDS, null, now);
    if (check().outcome() != UserSigCheck.Outcome.OK) {
      throw new IllegalStateException("the benchmark's UserSig does not check: " + check().reason());
    }
    auth = io.parley.server.vendor.Vendors.authService(new AppRegistry(List.of(Sandbox.tencentApp())),
        new LoginThrottle(Sandbox.LOGIN_THROTTLE, Clock.systemUTC()), null, Runnable::run, Clock.systemUTC(), 10_000);
    if (!authenticateCached().ok()) { // the first login verifies and fills the cache
      throw new IllegalStateException("AuthService refused the benchmark's UserSig");
    }
  }

  /** Uncached: Base64, inflate, JSON, HMAC-SHA256. */
  @Benchmark
  public UserSigCheck check() {
    return UserSig.check(userSig, Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, USER, now);
  }

  /** Cached: what a reconnect with the same UserSig costs. */
  @Benchmark
  public AuthResult authenticateCached() {
    return auth.authenticate(
        new LoginAttempt(Sandbox.TENCENT_APP_ID, USER, CredentialKind.TENCENT_USERSIG, userSig, "127.0.0.1")).join();
  }

  @Benchmark
  public String generate() {
    return UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, USER, VALID_SECONDS, null, now);
  }
}
