package io.parley.server.groupops;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a pending request waits before it lapses, and the member page size (a request for more is capped to it).
 */
public record GroupSettings(Duration requestTtl, int pageSize) {
  /** The largest page size. */
  public static final int MAX_PAGE_SIZE = 1000;
  /** Seven days, 100 members a page. */
  public static final GroupSettings DEFAULTS = new GroupSettings(Duration.ofDays(7), 100);

  public GroupSettings {
    Objects.requireNonNull(requestTtl, "requestTtl");
    if (requestTtl.isNegative() || requestTtl.isZero()) {
      throw new IllegalArgumentException("requestTtl must be positive: " + requestTtl);
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ": " + pageSize);
    }
  }
}
