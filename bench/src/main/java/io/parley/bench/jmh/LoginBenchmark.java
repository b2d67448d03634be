package io.parley.bench.jmh;

import io.parley.protocol.credential.rongcloud.RongcloudToken;
import io.parley.protocol.credential.tencent.UserSig;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.vendor.Accounts;
import io.parley.server.account.SecretBox;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.app.AppRegistry;
import io.parley.server.auth.AuthResult;
import io.parley.server.auth.AuthService;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.auth.LoginThrottle;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import io.parley.server.store.SyncPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One login through each vendor's verifier, as {@link AuthService} runs it (on the caller's thread here), against a
 * real RocksDB account store: "cold" with the verified-credential caches disabled, "cached" with them warm.
 * Throughput is logins per second per thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoginBenchmark {
  private static final ServerConfig.LoginThrottle UNTHROTTLED =
      new ServerConfig.LoginThrottle(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

  private Path dir;
  private Store store;
  private AuthService cold;
  private AuthService cached;
  private LoginAttempt tencent;
  private LoginAttempt rongcloud;
  private LoginAttempt netease;
  private LoginAttempt voip;
  private LoginAttempt appToken;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = TempDirs.create("parley-jmh-login");
    store = Store.open(dir.resolve("store"), StoreOptions.defaults().withSyncPolicy(SyncPolicy.NONE), CommitListener.NONE);
    Clock clock = Clock.systemUTC();
    Accounts accounts = new Accounts(store.accounts(), SecretBox.openOrCreate(dir.resolve("accounts.key")),
        new SessionRegistry(), clock);
    AppRegistry apps = new AppRegistry(Sandbox.apps());
    cold = io.parley.server.vendor.Vendors.authService(apps, new LoginThrottle(UNTHROTTLED, clock), accounts, Runnable::run, clock, 0);
    cached = io.parley.server.vendor.Vendors.authService(apps, new LoginThrottle(UNTHROTTLED, clock), accounts, Runnable::run, clock, 10_000);

    long now = System.currentTimeMillis();
    tencent = new LoginAttempt(Sandbox.TENCENT_APP_ID, "alice", CredentialKind.TENCENT_USERSIG,
        UserSig.generate(Sandbox.TENCENT_SDK_APP_ID, Sandbox.TENCENT_KEY, "alice", 86_400, null, now / 1000), "127.0.0.1");
    rongcloud = new LoginAttempt(Sandbox.RONGCLOUD_APP_KEY, "alice", CredentialKind.RONGCLOUD_TOKEN,
        RongcloudToken.issue(Sandbox.RONGCLOUD_APP_KEY, "alice", now, RongcloudToken.signingKey(Sandbox.RONGCLOUD_APP_SECRET)),
        "127.0.0.1");
    String token = accounts.createNeteaseAccount(Sandbox.neteaseApp(), "alice", Optional.empty());
    netease = new LoginAttempt(Sandbox.NETEASE_APP_KEY, "alice", CredentialKind.NETEASE_TOKEN, token, "127.0.0.1");
    SubAccount sub = accounts.createSubAccount(Sandbox.yuntongxunApp(), "alice");
    voip = new LoginAttempt(Sandbox.YUNTONGXUN_APP_ID, sub.voipAccount(), CredentialKind.YUNTONGXUN_VOIP, sub.voipPwd(),
        "127.0.0.1");
    appToken = new LoginAttempt(Sandbox.YUNTONGXUN_APP_ID, "alice", CredentialKind.YUNTONGXUN_APP_TOKEN,
        Sandbox.YUNTONGXUN_APP_TOKEN, "127.0.0.1");
    for (LoginAttempt a : new LoginAttempt[] {tencent, rongcloud, netease, voip, appToken}) {
      for (AuthService auth : new AuthService[] {cold, cached}) {
        if (!auth.authenticate(a).join().ok()) {
          throw new IllegalStateException("the benchmark's login is refused: " + a + ": " + auth.authenticate(a).join());
        }
      }
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    TempDirs.closeAndDelete(store, dir);
  }

  @Benchmark
  public AuthResult tencentUserSigCold() {
    return cold.authenticate(tencent).join();
  }

  @Benchmark
  public AuthResult tencentUserSigCached() {
    return cached.authenticate(tencent).join();
  }

  @Benchmark
  public AuthResult rongcloudTokenCold() {
    return cold.authenticate(rongcloud).join();
  }

  @Benchmark
  public AuthResult rongcloudTokenCached() {
    return cached.authenticate(rongcloud).join();
  }

  /** Store read of the account plus a salted SHA-256; nothing is cached (a token can change at any time). */
  @Benchmark
  public AuthResult neteaseToken() {
    return cached.authenticate(netease).join();
  }

  /** Store read of the sub-account plus an AES-GCM decryption of its voipPwd. */
  @Benchmark
  public AuthResult yuntongxunSubAccount() {
    return cached.authenticate(voip).join();
  }

  /** A constant-time compare with the app token and the user-name rules. */
  @Benchmark
  public AuthResult yuntongxunAnyAccount() {
    return cached.authenticate(appToken).join();
  }
}
