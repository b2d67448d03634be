package io.parley.client.internal;

import io.netty.channel.EventLoop;
import io.parley.client.ParleyException;
import io.parley.client.SendReceipt;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The sends the server has not answered: written at once while logged in, kept across reconnects and written again
 * in order after the next login, retried with backoff when the server is busy, failed when it refuses them, when they
 * exceed its size limit, or when the client closes. Confined to the event loop.
 */
final class Outbox {
  /** Most sends that may wait for the server at once; beyond it a send fails fast. */
  static final int MAX_PENDING_SENDS = 10_000;

  private final PendingSends pending = new PendingSends(MAX_PENDING_SENDS);
  private final EventLoop loop;
  private final Backoff backoff;
  private final Completions completions;
  private final Supplier<Connection> current;
  /** The last login's limit on content size, 0 for none (or no login yet). */
  private int maxMessageBytes;

  /** {@code current} is the client's current connection, null between connections. */
  Outbox(EventLoop loop, Backoff backoff, Completions completions, Supplier<Connection> current) {
    this.loop = loop;
    this.backoff = backoff;
    this.completions = completions;
    this.current = current;
  }

  /** Keeps a send, and writes it now when logged in; a send of an id still pending gets that send's outcome. */
  void add(Send send, CompletableFuture<SendReceipt> result) {
    PendingSends.Pending existing = pending.get(send.getClientMsgId());
    if (existing != null) {
      Completions.link(existing.future, result);
      return;
    }
    if (pending.isFull()) {
      completions.fail(result, new ParleyException(ParleyException.TOO_MANY_PENDING,
          MAX_PENDING_SENDS + " sends are already waiting for the server"));
      return;
    }
    PendingSends.Pending added = pending.add(send, result);
    Connection c = current.get();
    if (c != null && c.loggedIn && write(c, added)) {
      c.channel.flush();
    }
  }

  /** A login succeeded on {@code c}: writes every kept send, oldest first, under the login's size limit. */
  void loggedIn(Connection c, int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
    boolean wrote = false;
    for (PendingSends.Pending send : pending.notInFlight()) {
      wrote |= write(c, send);
    }
    if (wrote) {
      c.channel.flush();
    }
  }

  /** The connection is gone: every send waits for the next login. */
  void connectionLost() {
    pending.clearInFlight();
  }

  /** The server stored a send: its future completes with the receipt. */
  void onResult(int requestId, SendResult result) {
    PendingSends.Pending send = requestId == 0 ? null : pending.byRequestId(requestId);
    if (send == null) {
      send = pending.get(result.getClientMsgId());
    }
    if (send == null) {
      return;
    }
    pending.remove(send);
    completions.complete(send.future, WireMapping.receipt(send.send.getClientMsgId(), result));
  }

  /**
   * Handles an Error if it answers a send in flight (false otherwise): UNAVAILABLE is retried after a backoff delay,
   * any other code fails the send.
   */
  boolean onError(int requestId, int code, String message) {
    PendingSends.Pending send = requestId == 0 ? null : pending.byRequestId(requestId);
    if (send == null) {
      return false;
    }
    if (code != ErrorCodes.UNAVAILABLE) {
      pending.remove(send);
      completions.fail(send.future, new ParleyException(code, message));
      return true;
    }
    pending.markNotInFlight(send);
    long delayMs = backoff.delayMillis(send.retries++);
    loop.schedule(() -> retry(send), delayMs, TimeUnit.MILLISECONDS);
    return true;
  }

  /** Fails and forgets every kept send (the client closed). */
  void failAll(Throwable error) {
    for (PendingSends.Pending send : pending.drain()) {
      completions.fail(send.future, error);
    }
  }

  private void retry(PendingSends.Pending send) {
    Connection c = current.get();
    if (c != null && c.loggedIn && send.requestId == 0 && pending.contains(send) && write(c, send)) {
      c.channel.flush();
    }
  }

  /** Writes (without flushing) one kept send; false when it was failed instead. */
  private boolean write(Connection c, PendingSends.Pending send) {
    int size = send.send.getContent().size();
    if (maxMessageBytes > 0 && size > maxMessageBytes) {
      pending.remove(send);
      completions.fail(send.future, new ParleyException(ErrorCodes.MESSAGE_TOO_LARGE,
          "content of " + size + " bytes exceeds the server's limit of " + maxMessageBytes + " bytes"));
      return false;
    }
    int requestId = c.nextRequestId();
    pending.markInFlight(send, requestId);
    c.channel.write(Frame.newBuilder().setRequestId(requestId).setSend(send.send).build());
    return true;
  }
}
