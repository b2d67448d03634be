package io.parley.server.messaging;

import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.History;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.Store;
import io.parley.server.sync.GroupFanOut;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recalls of group messages that an app's server orders (Tencent {@code group_msg_recall}), with no time limit: the
 * message reads as recalled from then on (body gone) and a recall notice joins the group's history, fanned out to the
 * members as a message would be, durable before {@link #recall} returns. Rooms without history (AVChatRoom) keep
 * nothing to recall. Blocks: call it from an HTTP handler thread, never from an event loop.
 */
public final class GroupRecalls {
  private static final long STORE_WAIT_SECONDS = 10;

  /** What became of one recall. */
  public enum Outcome {
    RECALLED,
    ALREADY_RECALLED,
    /** No message at that seq (none, or a tip), or the group keeps no history. */
    NOT_FOUND
  }

  private final Store store;
  private final GroupFanOut fanOut;

  public GroupRecalls(Store store, GroupFanOut fanOut) {
    this.store = store;
    this.fanOut = fanOut;
  }

  /**
   * Recalls the message at {@code groupSeq} of the app's group. Recalling it again changes nothing and answers
   * {@link Outcome#ALREADY_RECALLED}.
   *
   * @throws RecallFailed when the store does not answer in time (a recall is idempotent: retry it)
   */
  public Outcome recall(String appId, String groupId, long groupSeq) throws RecallFailed {
    Optional<GroupKind> kind = store.groups().group(appId, groupId).flatMap(r -> GroupKinds.byId(r.kind()));
    if (kind.isEmpty() || kind.get().storage().history() == History.NONE || groupSeq <= 0) {
      return Outcome.NOT_FOUND;
    }
    List<TimelineEntry> at = store.readGroup(appId, groupId, groupSeq - 1, 1);
    if (at.isEmpty() || at.get(0).getSeq() != groupSeq || !at.get(0).hasMessage()) {
      return Outcome.NOT_FOUND;
    }
    if (at.get(0).getMessage().getRecalled()) {
      return Outcome.ALREADY_RECALLED;
    }
    GroupFanOut.Plan plan = fanOut.plan(appId, groupId, kind.get().storage().history(), "", List.of());
    AppendRequest request = new AppendRequest(appId, new Conversation.Group(groupId),
        at.get(0).getMessage().getFromUserId(), new Event.GroupRecall(groupSeq, at.get(0).getMessage()), null,
        plan.timelines(), plan.readOnPull());
    try {
      AppendResult r = store.writer().append(request).get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
      if (r.duplicate()) {
        return Outcome.ALREADY_RECALLED;
      }
      fanOut.delivered(appId, groupId, plan, r);
      return Outcome.RECALLED;
    } catch (ExecutionException | TimeoutException e) {
      throw new RecallFailed("the recall could not be stored in time; retry it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecallFailed("interrupted while storing the recall");
    }
  }
}
