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
 * Hands accepted entries to the listener on the callback thread, in seq order, each once: a recall notice to
 * {@code onRecalled}, a group tip to {@code onGroupTip}, a group notification to {@code onGroupNotification}, a message
 * to {@code onMessage}. Timeline entries ({@link #deliver}) record the seq of each entry the listener returned from
 * (threw from, too: a listener bug must not stall the timeline); that is the seq the client acks. Entries of a large
 * group's own history ({@link #deliverGroup}) report their group seq to the caller instead. Stops at once when the
 * client closes. {@link #deliver} and {@link #deliverGroup} run on the event loop, the listener calls on the callback
 * thread.
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

  /** The highest seq the listener has processed. */
  long deliveredSeq() {
    return deliveredSeq.get();
  }

  /** Delivers timeline entries (contiguous, in seq order), then runs {@code afterBatch} on the callback thread. */
  void deliver(List<TimelineEntry> entries, Runnable afterBatch) {
    hand(entries, false, deliveredSeq::set, afterBatch);
  }

  /**
   * Delivers entries of a group's own history (in group seq order; their seq is the group seq), passing each one's
   * group seq to {@code processed} once the listener returned, then runs {@code afterBatch}; the user's timeline seq
   * is not touched.
   */
  void deliverGroup(List<TimelineEntry> entries, LongConsumer processed, Runnable afterBatch) {
    hand(entries, true, processed, afterBatch);
  }

  private void hand(List<TimelineEntry> entries, boolean groupHistory, LongConsumer processed, Runnable afterBatch) {
    if (entries.isEmpty()) {
      return;
    }
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
            try {
              switch (kinds.get(i)) {
                case RECALL -> listener.onRecalled(messages.get(i));
                case MESSAGE -> listener.onMessage(messages.get(i));
                case GROUP_TIP -> listener.onGroupTip(entry.getGroupTip());
                case GROUP_NOTIFICATION -> listener.onGroupNotification(entry.getGroupNotification());
                case UNKNOWN -> { } // an event of a newer server this client cannot show: skipped, still acked
              }
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "the listener threw for seq " + entry.getSeq(), e);
            }
            processed.accept(entry.getSeq());
          }
          afterBatch.run();
        });
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
  }

  /** Moves the processed seq back to {@code seq}, in order after every batch handed over before. */
  void rewind(long seq) {
    callbacks.execute(() -> deliveredSeq.set(seq));
  }
}
