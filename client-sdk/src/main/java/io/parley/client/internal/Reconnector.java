package io.parley.client.internal;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Whether the client is idle, connecting, connected, waiting to reconnect or closed; the jittered backoff between
 * failed attempts (reset by a login); and the connect() futures waiting for the next login. It decides when an
 * attempt starts, the owner's {@code attempt} makes it. Confined to the event loop.
 */
final class Reconnector {
  /** Where the client is between connect() and close(). */
  enum State {
    /** Not connected, waiting for connect(): never connected yet, or stopped by a final refusal or kick. */
    IDLE,
    CONNECTING,
    CONNECTED,
    /** Waiting for the backoff delay before reconnecting. */
    WAITING,
    CLOSED
  }

  private final EventLoop loop;
  private final Backoff backoff;
  private final Completions completions;
  private final Runnable attempt;

  private State state = State.IDLE;
  private int failedAttempts;
  private ScheduledFuture<?> reconnectTask;
  private CompletableFuture<LoginInfo> waiting;
  private LoginInfo lastLogin;

  /** {@code attempt} starts one connection attempt; it is run on the loop, in state CONNECTING. */
  Reconnector(EventLoop loop, Backoff backoff, Completions completions, Runnable attempt) {
    this.loop = loop;
    this.backoff = backoff;
    this.completions = completions;
    this.attempt = attempt;
  }

  /** The error of everything asked of a closed client. */
  static ParleyException closedError() {
    return new ParleyException(ParleyException.CLIENT_CLOSED, "the client is closed");
  }

  State state() {
    return state;
  }

  /**
   * connect(): {@code result} completes with the current login, or the next; an attempt starts now unless one is
   * under way (a waiting reconnect does not wait any longer).
   */
  void connect(CompletableFuture<LoginInfo> result) {
    switch (state) {
      case CLOSED -> result.completeExceptionally(closedError());
      case CONNECTED -> completions.complete(result, lastLogin);
      default -> {
        if (waiting == null) {
          waiting = new CompletableFuture<>();
        }
        Completions.link(waiting, result);
        if (state != State.CONNECTING) {
          startNow();
        }
      }
    }
  }

  /** The network changed: a waiting reconnect happens now. */
  void networkChanged() {
    if (state == State.WAITING) {
      startNow();
    }
  }

  /** A login succeeded: connected, and the next failure backs off from the start again. */
  void loggedIn() {
    state = State.CONNECTED;
    failedAttempts = 0;
  }

  /** Completes the connect() futures waiting for a login with {@code info}, which later connect() calls get too. */
  void completeWaiting(LoginInfo info) {
    lastLogin = info;
    CompletableFuture<LoginInfo> w = waiting;
    waiting = null;
    if (w != null) {
      completions.complete(w, info);
    }
  }

  /** Fails the connect() futures waiting for a login (a final refusal). */
  void failWaiting(Throwable error) {
    CompletableFuture<LoginInfo> w = waiting;
    waiting = null;
    if (w != null) {
      completions.fail(w, error);
    }
  }

  /** The current connection ended (not after close): stop until connect(), or reconnect after a backoff delay. */
  void connectionEnded(boolean stop) {
    if (stop) {
      state = State.IDLE;
      return;
    }
    state = State.WAITING;
    long delayMs = backoff.delayMillis(failedAttempts++);
    reconnectTask =
        loop.schedule(
            () -> {
              if (state == State.WAITING) {
                reconnectTask = null;
                state = State.CONNECTING;
                attempt.run();
              }
            },
            delayMs,
            TimeUnit.MILLISECONDS);
  }

  /** Closed for good: no further attempt, and waiting connect() futures fail. */
  void close() {
    state = State.CLOSED;
    cancelReconnect();
    failWaiting(closedError());
  }

  private void startNow() {
    cancelReconnect();
    state = State.CONNECTING;
    attempt.run();
  }

  private void cancelReconnect() {
    if (reconnectTask != null) {
      reconnectTask.cancel(false);
      reconnectTask = null;
    }
  }
}
