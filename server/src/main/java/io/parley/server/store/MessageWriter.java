package io.parley.server.store;

import io.parley.protocol.v1.Message;
import java.util.HashSet;
import java.util.Set;
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
   * Queues an event: the writer assigns its server msg id, time and seqs, writes it and its timeline entries, and
   * fsyncs; choosing the timelines is the caller's. The future completes after the batch holding it is durable under the sync policy; it fails
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

  /**
   * Records that a member has read a group's history (a group read from its own timeline) up to {@code seq}.
   * Coalesced and written like a device cursor; never lowers a stored one.
   */
  public void saveGroupCursor(String appId, String userId, String groupId, long seq) {
    Keys.requireId("appId", appId);
    Keys.requireId("userId", userId);
    Keys.requireId("groupId", groupId);
    if (seq < 0) {
      throw new IllegalArgumentException("seq must not be negative: " + seq);
    }
    loop.saveCursor(new PendingCursors.GroupReader(appId, userId, groupId), seq);
  }

  /** The most timelines one append may name: beyond it a group is read from its own timeline instead. */
  public static final int MAX_TIMELINES = 20_000;

  private static void validate(AppendRequest request) {
    if (request == null) {
      throw new IllegalArgumentException("request must not be null");
    }
    Keys.requireId("appId", request.appId());
    if (request.event() == null) {
      throw new IllegalArgumentException("the event must not be null");
    }
    if (request.timelines() == null) {
      throw new IllegalArgumentException("timelines must not be null (an empty list stores history only)");
    }
    if (request.timelines().size() > MAX_TIMELINES) {
      throw new IllegalArgumentException("an append may name at most " + MAX_TIMELINES + " timelines, not "
          + request.timelines().size());
    }
    Set<String> seen = new HashSet<>();
    for (String user : request.timelines()) {
      Keys.requireId("timeline user", user);
      if (!seen.add(user)) {
        throw new IllegalArgumentException("timelines must be distinct: " + user + " is listed twice");
      }
    }
    if (request.event() instanceof Event.NewMessage m) {
      validateMessage(request, m.message());
    } else if (request.event() instanceof Event.Tip) {
      requireConversation(request, Conversation.Group.class, "a tip");
      noDedup(request, "a tip");
    } else if (request.event() instanceof Event.GroupRecall r) {
      requireConversation(request, Conversation.Group.class, "a group recall");
      noDedup(request, "a group recall");
      if (r.groupSeq() <= 0 || r.message() == null) {
        throw new IllegalArgumentException("a group recall names a stored message by its group seq (1 or more)");
      }
    } else {
      requireConversation(request, Conversation.Timelines.class, "a notification");
      noDedup(request, "a notification");
      if (request.timelines().isEmpty()) {
        throw new IllegalArgumentException("a notification needs at least one timeline");
      }
    }
    if (request.conversation() instanceof Conversation.Group g) {
      Keys.requireId("groupId", g.groupId());
    } else if (request.readOnPull()) {
      throw new IllegalArgumentException("only a group's events are read on pull");
    }
  }

  private static void validateMessage(AppendRequest request, Message message) {
    String sender = Keys.requireId("senderId", request.senderId());
    Keys.requireId("dedupKey", request.dedupKey());
    if (!message.getFromUserId().equals(sender)) {
      throw new IllegalArgumentException("the message is from " + message.getFromUserId() + ", not the sender " + sender);
    }
    if (request.conversation() instanceof Conversation.C2c pair) {
      Keys.requireId("userA", pair.userA());
      Keys.requireId("userB", pair.userB());
      if (!pair.has(sender)) {
        throw new IllegalArgumentException("the sender " + sender + " is not one of the conversation " + pair);
      }
      for (String user : request.timelines()) {
        if (!pair.has(user)) {
          throw new IllegalArgumentException("timelines must be users of " + pair + ": " + request.timelines());
        }
      }
    } else if (!(request.conversation() instanceof Conversation.Group)) {
      throw new IllegalArgumentException("a message needs a one-to-one or group conversation, not "
          + request.conversation());
    }
  }

  private static void requireConversation(AppendRequest request, Class<? extends Conversation> kind, String what) {
    if (!kind.isInstance(request.conversation())) {
      throw new IllegalArgumentException(what + " belongs in a " + kind.getSimpleName() + " conversation, not "
          + request.conversation());
    }
  }

  private static void noDedup(AppendRequest request, String what) {
    if (request.dedupKey() != null) {
      throw new IllegalArgumentException(what + " takes no dedup key");
    }
  }
}
