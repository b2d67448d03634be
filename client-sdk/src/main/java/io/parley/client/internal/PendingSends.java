package io.parley.client.internal;

import io.parley.client.SendReceipt;
import io.parley.protocol.v1.Send;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the server has not answered yet, in the order they were made, bounded in number. A send is
 * "in flight" while it carries the request id of a write on the current connection; losing the
 * connection takes every send out of flight so that the next login resends them all, in order.
 * Not thread-safe: the owning client calls it from its event loop.
 */
final class PendingSends {
  /** One unanswered send. */
  static final class Pending {
    final Send send;
    final CompletableFuture<SendReceipt> future;
    int requestId;
    int retries;

    Pending(Send send, CompletableFuture<SendReceipt> future) {
      this.send = send;
      this.future = future;
    }
  }

  private final int limit;
  private final Map<String, Pending> byClientMsgId = new LinkedHashMap<>();
  private final Map<Integer, Pending> byRequestId = new HashMap<>();

  PendingSends(int limit) {
    this.limit = limit;
  }

  boolean isFull() {
    return byClientMsgId.size() >= limit;
  }

  int size() {
    return byClientMsgId.size();
  }

  Pending get(String clientMsgId) {
    return byClientMsgId.get(clientMsgId);
  }

  Pending add(Send send, CompletableFuture<SendReceipt> future) {
    Pending pending = new Pending(send, future);
    byClientMsgId.put(send.getClientMsgId(), pending);
    return pending;
  }

  Pending byRequestId(int requestId) {
    return byRequestId.get(requestId);
  }

  boolean contains(Pending pending) {
    return byClientMsgId.get(pending.send.getClientMsgId()) == pending;
  }

  void markInFlight(Pending pending, int requestId) {
    pending.requestId = requestId;
    byRequestId.put(requestId, pending);
  }

  void markNotInFlight(Pending pending) {
    byRequestId.remove(pending.requestId);
    pending.requestId = 0;
  }

  void remove(Pending pending) {
    byRequestId.remove(pending.requestId);
    byClientMsgId.remove(pending.send.getClientMsgId());
  }

  /** The connection is gone: nothing is in flight any more. */
  void clearInFlight() {
    for (Pending pending : byRequestId.values()) {
      pending.requestId = 0;
    }
    byRequestId.clear();
  }

  /** Sends not in flight, oldest first. */
  List<Pending> notInFlight() {
    List<Pending> result = new ArrayList<>();
    for (Pending pending : byClientMsgId.values()) {
      if (pending.requestId == 0) {
        result.add(pending);
      }
    }
    return result;
  }

  /** Removes and returns every send, oldest first. */
  List<Pending> drain() {
    List<Pending> all = new ArrayList<>(byClientMsgId.values());
    byClientMsgId.clear();
    byRequestId.clear();
    return all;
  }
}
