package io.parley.server.vendor;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link Harness} (real store, key file, sessions, clock) per test, and its {@link Accounts}. */
abstract class AccountsTestBase {
  @TempDir
  Path dir;
  Harness h;
  Accounts accounts;

  @BeforeEach
  void openHarness() {
    h = new Harness(dir);
    accounts = h.accounts;
  }

  @AfterEach
  void closeHarness() {
    h.close();
  }
}
