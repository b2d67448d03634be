package io.parley.server.messaging;

/** A token bucket for one session's sends; confined to that session's event loop. */
public final class SendRateLimiter {
  private final double perNano;
  private final double burst;
  private double tokens;
  private long last;

  public SendRateLimiter(int perSecond, int burst) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  /** Takes one token if there is one. */
  public boolean tryAcquire() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
