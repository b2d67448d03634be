package io.parley.server.store;

import java.util.concurrent.CompletableFuture;

/**
 * The write side of the store, safe to call from any thread (event loops included): appends and cursor saves
 * are queued for the single writer thread and never block. Futures complete on the store's completer thread (after
 * the listener has seen their batch), so callers should hop to their own executor before doing anything slow.
 */
public final class MessageWriter {

  private final CommitLoop loop;

  MessageWriter(CommitLoop loop) {
    this.loop = loop;
  }

  /**
   * Queues a message. The future completes after the batch holding it is durable under the sync policy; it fails
   * with IllegalArgumentException for a malformed request, StoreOverloadedException when too many appends are
   * waiting, and StoreClosedException once the store is closing.
   */
  public CompletableFuture<AppendResult> append(AppendRequest request) {
    try {
      validate(request);
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return loop.submit(request);
  }

  /**
   * Queues a recall of a stored message. The future completes after the batch holding it is durable under the sync
   * policy, with the outcome (recalled now, already recalled, or no such message); it fails as {@link #append} does.
   */
  public CompletableFuture<RecallResult> recall(RecallRequest request) {
    try {
      if (request == null) {
        throw new IllegalArgumentException("request must not be null");
      }
      Keys.requireId("appId", request.appId());
      Keys.requireId("fromUserId", request.fromUserId());
      Keys.requireId("toUserId", request.toUserId());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return loop.submitRecall(request);
  }

  /**
   * Records that a device has processed its user's timeline up to {@code seq}. Coalesced (the highest pending seq
   * per device wins), written with the next batch without forcing a sync, and never lowers a stored cursor.
   *
   * @throws IllegalArgumentException for a malformed id or a negative seq
   * @throws StoreClosedException once the store is closing
   */
  public void saveCursor(String appId, String userId, String deviceId, long seq) {
    Keys.requireId("appId", appId);
    Keys.requireId("userId", userId);
    Keys.requireId("deviceId", deviceId);
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative: " + seq);
    }
    loop.saveCursor(new PendingCursors.Device(appId, userId, deviceId), seq);
  }

  private static void validate(AppendRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    Keys.requireId("appId", request.appId());
    Keys.requireId("fromUserId", request.fromUserId());
    Keys.requireId("toUserId", request.toUserId());
    Keys.requireId("clientMsgId", request.clientMsgId());
    if (request.fromDeviceId() == null) {
      throw new IllegalArgumentException("fromDeviceId must not be null");
    }
    if (request.contentType() == null) {
      throw new IllegalArgumentException("contentType must not be null");
    }
    if (request.content() == null) {
      throw new IllegalArgumentException("content must not be null");
    }
    if (request.elements() == null || request.cloudCustomData() == null || request.timelines() == null) {
      throw new IllegalArgumentException("elements, cloudCustomData and timelines must not be null");
    }
  }
}
