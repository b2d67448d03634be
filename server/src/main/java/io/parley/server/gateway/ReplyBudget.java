package io.parley.server.gateway;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide cap on bytes of request answers (timeline pages) built but not yet written to a socket, so that
 * many connections together cannot exhaust direct memory either: past the cap new pulls are refused as busy
 * until written answers free room. Thread-safe.
 */
public final class ReplyBudget {
  private final long capBytes;
  private final AtomicLong used = new AtomicLong();

  public ReplyBudget(long capBytes) {
    this.capBytes = capBytes;
  }

  /** True while the answers in flight leave room for another page. */
  boolean hasRoom() {
    return used.get() < capBytes;
  }

  void reserve(long bytes) {
    used.addAndGet(bytes);
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }

  /** Bytes of answers built and not yet written (for /metrics and tests). */
  public long usedBytes() {
    return used.get();
  }
}
