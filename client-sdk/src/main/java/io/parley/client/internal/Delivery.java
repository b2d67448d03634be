package io.parley.client.internal;

import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Hands accepted timeline entries to the listener on the callback thread, in seq order, each once: a recall notice to
 * {@code onRecalled}, any other entry to {@code onMessage}. Records the seq of each entry the listener returned from
 * (threw from, too: a listener bug must not stall the timeline); that is the seq the client acks. Stops at once when
 * the client closes. {@link #deliver} runs on the event loop, the listener calls on the callback thread.
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

  /** Delivers entries (contiguous, in seq order), then runs {@code afterBatch} on the callback thread. */
  void deliver(List<TimelineEntry> entries, Runnable afterBatch) {
    if (entries.isEmpty()) {
      return;
    }
    List<ReceivedMessage> batch = new ArrayList<>(entries.size());
    List<Kind> kinds = new ArrayList<>(entries.size());
    for (TimelineEntry entry : entries) {
      batch.add(WireMapping.received(entry, userId.get(), deviceId));
      kinds.add(Kind.of(entry));
    }
    callbacks.execute(
        () -> {
          for (int i = 0; i < batch.size(); i++) {
            ReceivedMessage message = batch.get(i);
            if (closed.getAsBoolean()) {
              return;
            }
            try {
              switch (kinds.get(i)) {
                case RECALL -> listener.onRecalled(message);
                case MESSAGE -> listener.onMessage(message);
                case UNKNOWN -> { } // an event of a newer server this client cannot show: skipped, still acked
              }
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "the listener threw for seq " + message.seq(), e);
            }
            deliveredSeq.set(message.seq());
          }
          afterBatch.run();
        });
  }

  /** What an entry carries, as far as this client knows. */
  private enum Kind {
    MESSAGE, RECALL, UNKNOWN;

    static Kind of(TimelineEntry entry) {
      return switch (entry.getEventCase()) {
        case RECALL -> RECALL;
        case MESSAGE -> entry.getRecallNotice() ? RECALL : MESSAGE; // the flag: an older server's recall notice
        // Group events are delivered once the group API lands; until then they are skipped like unknown kinds.
        case GROUP_TIP, GROUP_NOTIFICATION, EVENT_NOT_SET -> UNKNOWN;
      };
    }
  }

  /** Moves the processed seq back to {@code seq}, in order after every batch handed over before. */
  void rewind(long seq) {
    callbacks.execute(() -> deliveredSeq.set(seq));
  }
}
