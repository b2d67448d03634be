package io.parley.server.vendor;

import io.parley.server.account.AccountException;
import io.parley.server.vendor.netease.NeteaseLogin;
import io.parley.server.vendor.yuntongxun.SubAccount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.server.app.App;
import io.parley.server.config.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Accounts: concurrent changes")
class AccountConcurrencyTest {

  private static final int THREADS = 8;

  @TempDir
  Path dir;
  private Harness h;
  private ExecutorService pool;

  @BeforeEach
  void open() {
    h = new Harness(dir);
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void close() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    h.close();
  }

  @Test
  @DisplayName("threads racing to create the same sub-account names get one account per name, and the count matches")
  void racingSubAccountNames() throws Exception {
    App app = Sandbox.yuntongxunApp();
    int names = 40;
    AtomicInteger refused = new AtomicInteger();
    Set<String> voipAccounts = ConcurrentHashMap.newKeySet();
    race(thread -> {
      for (int i = 0; i < names; i++) {
        try {
          voipAccounts.add(h.accounts.createSubAccount(app, "user-" + i).voipAccount());
        } catch (AccountException e) {
          assertEquals(110011, e.code());
          refused.incrementAndGet();
        }
      }
    });
    assertEquals(names, voipAccounts.size());
    assertEquals(names * (THREADS - 1), refused.get());
    assertEquals(names, h.accounts.subAccountCount(app));
    assertEquals(names, h.accounts.subAccounts(app, 0, 100).stream().map(SubAccount::friendlyName)
        .collect(Collectors.toSet()).size());
  }

  @Test
  @DisplayName("threads racing to register the same NetEase accid: exactly one wins and its token is the one that logs in")
  void racingNeteaseAccid() throws Exception {
    App app = Sandbox.neteaseApp();
    Set<String> winners = ConcurrentHashMap.newKeySet();
    race(thread -> {
      try {
        winners.add(h.accounts.createNeteaseAccount(app, "alice", Optional.of("token-" + thread)));
      } catch (AccountException e) {
        assertEquals("already register", e.getMessage());
      }
    });
    assertEquals(1, winners.size());
    assertEquals(NeteaseLogin.OK, h.accounts.checkNeteaseLogin(app, "alice", winners.iterator().next()));
  }

  @Test
  @DisplayName("threads expiring one Rongcloud user's tokens concurrently leave the latest instant")
  void racingExpiry() throws Exception {
    App app = Sandbox.rongcloudApp();
    race(thread -> {
      for (int i = 0; i < 20; i++) {
        h.accounts.expireRongcloudTokens(app, "alice", thread * 1_000L + i);
        h.accounts.rongcloudTokensValidFrom(app, "alice");
      }
    });
    assertEquals((THREADS - 1) * 1_000L + 19, h.accounts.rongcloudTokensValidFrom(app, "alice"));
  }

  private void race(ThreadBody body) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Void>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Callable<Void> task = () -> {
        start.await();
        body.run(thread);
        return null;
      };
      done.add(pool.submit(task));
    }
    start.countDown();
    for (Future<Void> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
  }

  @FunctionalInterface
  private interface ThreadBody {
    void run(int thread) throws Exception;
  }
}
