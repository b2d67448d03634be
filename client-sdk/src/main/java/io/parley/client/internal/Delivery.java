package io.parley.client.internal;

import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Hands accepted entries to the listener on the callback thread, in the order they were handed over, each once: a
 * recall notice to {@code onRecalled}, a group tip to {@code onGroupTip}, a group notification to
 * {@code onGroupNotification}, a message to {@code onMessage}. Timeline entries ({@link #deliver}) record the seq of
 * each entry the listener returned from (threw from, too: a listener bug must not stall the timeline); that is the seq
 * the client acks. An entry with seq 0 is an online-only event outside the timeline (a broadcast room's message): it
 * is delivered where it came, and its seq is not recorded, so it is never acked. Entries of a large group's own
 * history ({@link #deliverGroup}) report their group seq to the caller instead.
 *
 * <p>A group event (a message or tip of a group, with its group seq) can reach this client both ways around the
 * group's switch from its members' timelines to its own history. {@link GroupProgress} (GroupSync's per-group
 * processed seq) decides, on the callback thread just before the listener would be called: an event whose group seq
 * the listener already processed from either path is skipped (a timeline entry's seq still counts as processed, so it
 * is acked as usual), and one from the timeline raises the group's processed seq, so that a later GroupPull does not
 * deliver it again. Stops at once when the client closes. {@link #deliver} and {@link #deliverGroup} run on the event
 * loop, the listener calls on the callback thread.
 */
final class Delivery {
  private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

  private final Executor callbacks;
  private final ParleyListener listener;
  private final BooleanSupplier closed;
  private final Supplier<String> userId;
  private final String deviceId;
  /** Written on the callback thread only; read anywhere. */
  private final AtomicLong deliveredSeq;
  /** Where each group stands in what the listener processed; set once, before anything is delivered. */
  private volatile GroupProgress groups = GroupProgress.NONE;

  /**
   * Each group's highest group seq the listener has processed, over both paths (GroupSync's). Called on the callback
   * thread only.
   */
  interface GroupProgress {
    /** No group tracked: every group event is new. */
    GroupProgress NONE =
        new GroupProgress() {
          @Override
          public long processed(String groupId) {
            return 0;
          }

          @Override
          public void processedFromTimeline(String groupId, long groupSeq) {}
        };

    /** The highest group seq of {@code groupId} the listener has processed (0: none). */
    long processed(String groupId);

    /** The listener processed the event {@code groupSeq} of {@code groupId} from the user's own timeline. */
    void processedFromTimeline(String groupId, long groupSeq);
  }

  /**
   * {@code userId} (the user the session is logged in as: the server names it when the credential does) and
   * {@code deviceId} are this client's, to mark outgoing messages and echoes of its sends.
   */
  Delivery(Executor callbacks, ParleyListener listener, BooleanSupplier closed, Supplier<String> userId, String deviceId,
      long deliveredSeq) {
    this.callbacks = callbacks;
    this.listener = listener;
    this.closed = closed;
    this.userId = userId;
    this.deviceId = deviceId;
    this.deliveredSeq = new AtomicLong(deliveredSeq);
  }

  /** Tracks group events with {@code groups} from now on (GroupSync, once, before the first delivery). */
  void trackGroups(GroupProgress groups) {
    this.groups = groups;
  }

  /** The highest seq the listener has processed. */
  long deliveredSeq() {
    return deliveredSeq.get();
  }

  /**
   * Delivers timeline entries (contiguous, in seq order, with online-only entries of seq 0 anywhere among them), then
   * runs {@code afterBatch} on the callback thread.
   */
  void deliver(List<TimelineEntry> entries, Runnable afterBatch) {
    hand(entries, null, deliveredSeq::set, afterBatch);
  }

  /**
   * Delivers entries of group {@code groupId}'s own history (in group seq order; their seq is the group seq), passing
   * each one's group seq to {@code processed} once the listener returned (or was skipped for it: already processed
   * from the timeline), then runs {@code afterBatch}; the user's timeline seq is not touched.
   */
  void deliverGroup(String groupId, List<TimelineEntry> entries, LongConsumer processed, Runnable afterBatch) {
    hand(entries, groupId, processed, afterBatch);
  }

  /** {@code historyOf}: the group whose own history the entries are, null for timeline entries. */
  private void hand(List<TimelineEntry> entries, String historyOf, LongConsumer processed, Runnable afterBatch) {
    if (entries.isEmpty()) {
      return;
    }
    boolean groupHistory = historyOf != null;
    List<TimelineEntry> batch = List.copyOf(entries);
    List<ReceivedMessage> messages = new ArrayList<>(batch.size());
    List<Kind> kinds = new ArrayList<>(batch.size());
    for (TimelineEntry entry : batch) {
      Kind kind = Kind.of(entry);
      kinds.add(kind);
      messages.add(kind == Kind.MESSAGE || kind == Kind.RECALL
          ? WireMapping.received(entry, userId.get(), deviceId, groupHistory)
          : null);
    }
    callbacks.execute(
        () -> {
          for (int i = 0; i < batch.size(); i++) {
            TimelineEntry entry = batch.get(i);
            if (closed.getAsBoolean()) {
              return;
            }
            Kind kind = kinds.get(i);
            String groupId = groupHistory ? historyOf : kind.groupId(entry);
            long groupSeq = groupHistory ? entry.getSeq() : kind.groupSeq(entry);
            boolean groupEvent = !groupId.isEmpty() && groupSeq > 0;
            if (groupEvent && groupSeq <= groups.processed(groupId)) {
              // Already delivered the other way (the group's switch to its own history): processed, not again.
              processed(groupHistory, entry, processed);
              continue;
            }
            try {
              switch (kind) {
                case RECALL -> listener.onRecalled(messages.get(i));
                case MESSAGE -> listener.onMessage(messages.get(i));
                case GROUP_TIP -> listener.onGroupTip(entry.getGroupTip());
                case GROUP_NOTIFICATION -> listener.onGroupNotification(entry.getGroupNotification());
                case UNKNOWN -> { } // an event of a newer server this client cannot show: skipped, still acked
              }
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "the listener threw for seq " + entry.getSeq(), e);
            }
            if (groupEvent && !groupHistory) {
              groups.processedFromTimeline(groupId, groupSeq);
            }
            processed(groupHistory, entry, processed);
          }
          afterBatch.run();
        });
  }

  /** Records an entry as processed; an online-only timeline entry (seq 0) has no seq to record. Callback thread. */
  private static void processed(boolean groupHistory, TimelineEntry entry, LongConsumer processed) {
    if (groupHistory || entry.getSeq() != 0) {
      processed.accept(entry.getSeq());
    }
  }

  /** What an entry carries, as far as this client knows. */
  private enum Kind {
    MESSAGE, RECALL, GROUP_TIP, GROUP_NOTIFICATION, UNKNOWN;

    static Kind of(TimelineEntry entry) {
      return switch (entry.getEventCase()) {
        case RECALL -> RECALL;
        case MESSAGE -> entry.getRecallNotice() ? RECALL : MESSAGE; // the flag: an older server's recall notice
        case GROUP_TIP -> GROUP_TIP;
        case GROUP_NOTIFICATION -> GROUP_NOTIFICATION;
        case EVENT_NOT_SET -> UNKNOWN;
      };
    }

    /** The group of a group event in the user's timeline (a message or tip of a group); "" for any other entry. */
    String groupId(TimelineEntry entry) {
      return switch (this) {
        case MESSAGE -> entry.getMessage().getGroupId();
        case GROUP_TIP -> entry.getGroupTip().getGroupId();
        default -> ""; // a recall notice is not a group event of its own; a notification is the user's alone
      };
    }

    /** The group seq of a group event in the user's timeline; 0 for any other entry. */
    long groupSeq(TimelineEntry entry) {
      return switch (this) {
        case MESSAGE -> entry.getMessage().getGroupSeq();
        case GROUP_TIP -> entry.getGroupTip().getGroupSeq();
        default -> 0;
      };
    }
  }

  /** Moves the processed seq back to {@code seq}, in order after every batch handed over before. */
  void rewind(long seq) {
    callbacks.execute(() -> deliveredSeq.set(seq));
  }
}
