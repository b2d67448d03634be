package io.parley.client.internal;

import io.parley.client.ParleyException;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.GroupResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The group requests written on the current connection and not answered yet, by request id. Unlike sends they are not
 * kept across reconnects: a request that may not be safe to repeat (a create without a group id, an invite) fails
 * when it cannot be written now or when its connection is lost, and the app decides whether to try again. Bounded in
 * number. Confined to the event loop.
 */
final class GroupRequests {
  /** Most group requests that may wait for the server at once; beyond it a request fails fast. */
  static final int MAX_PENDING = 1_000;

  private final Completions completions;
  private final Map<Integer, CompletableFuture<GroupResult>> pending = new HashMap<>();

  GroupRequests(Completions completions) {
    this.completions = completions;
  }

  /** Writes the request on {@code c} (null or not logged in: fails it with NOT_CONNECTED). */
  void send(Connection c, GroupRequest request, CompletableFuture<GroupResult> result) {
    if (c == null || !c.loggedIn) {
      completions.fail(result, notConnected("the client is not logged in"));
      return;
    }
    if (pending.size() >= MAX_PENDING) {
      completions.fail(result, new ParleyException(ParleyException.TOO_MANY_PENDING,
          MAX_PENDING + " group requests are already waiting for the server"));
      return;
    }
    int requestId = c.nextRequestId();
    pending.put(requestId, result);
    c.channel.writeAndFlush(Frame.newBuilder().setRequestId(requestId).setGroupRequest(request).build());
  }

  /** The server answered: the request's future completes with the result. */
  void onResult(int requestId, GroupResult result) {
    CompletableFuture<GroupResult> future = requestId == 0 ? null : pending.remove(requestId);
    if (future != null) {
      completions.complete(future, result);
    }
  }

  /** Handles an Error if it answers a group request in flight (false otherwise): the request fails with it. */
  boolean onError(int requestId, int code, String message) {
    CompletableFuture<GroupResult> future = requestId == 0 ? null : pending.remove(requestId);
    if (future == null) {
      return false;
    }
    completions.fail(future, new ParleyException(code, message));
    return true;
  }

  /** The connection is gone (or the client closed): every request in flight fails with {@code error}. */
  void failAll(Throwable error) {
    List<CompletableFuture<GroupResult>> all = new ArrayList<>(pending.values());
    pending.clear();
    for (CompletableFuture<GroupResult> future : all) {
      completions.fail(future, error);
    }
  }

  static ParleyException notConnected(String why) {
    return new ParleyException(ParleyException.NOT_CONNECTED, why + "; group requests are not kept for the next login");
  }
}
