package io.parley.server.account;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Serializes the read-check-write of account changes per app (striped), so uniqueness checks and their index writes
 * cannot interleave. Logins only read and never take it.
 */
public final class AppLocks {

  private static final int STRIPES = 64;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  public AppLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  public ReentrantLock of(String appId) {
    return locks[Math.floorMod(appId.hashCode(), STRIPES)];
  }
}
