package io.parley.server.vendor;

import io.parley.server.vendor.Accounts;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What credential verifiers are built with: the account store (null on a server without one, which then checks only
 * credentials that need no stored account), the executor for slow checks (never an event loop), the clock against
 * which expiry is judged, and how many verified credentials to cache (0: none).
 */
public record VerifierServices(Accounts accounts, Executor executor, Clock clock, int cacheMaxEntries) {
  public VerifierServices {
    if (cacheMaxEntries < 0) {
      throw new IllegalArgumentException("cacheMaxEntries must not be negative, was " + cacheMaxEntries);
    }
  }
}
