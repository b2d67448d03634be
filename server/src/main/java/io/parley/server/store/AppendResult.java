package io.parley.server.store;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.util.List;

/**
 * The durable outcome of an {@link AppendRequest}: the stored event's server msg id and time, its seq in its group's
 * history (0 outside a group), the event as stored ({@code entry}: a timeline entry without seq) and one
 * {@link Delivery} per timeline entry, in the request's order. For a duplicate (the dedup key was already stored) the
 * ids, seqs and time are the original ones and {@code entry} is null: nothing new was stored.
 */
public record AppendResult(AppendRequest request, long serverMsgId, long serverTimeMs, long groupSeq,
    boolean duplicate, TimelineEntry entry, List<Delivery> deliveries) {

  public AppendResult {
    deliveries = List.copyOf(deliveries);
  }

  /** The stored message, or null for a duplicate or an event of another kind. */
  public Message message() {
    return entry != null && entry.hasMessage() ? entry.getMessage() : null;
  }

  /** The entry as {@code delivery}'s owner reads it in its timeline. */
  public TimelineEntry entryFor(Delivery delivery) {
    return entry.toBuilder().setSeq(delivery.seq()).build();
  }

  /** The seq of the entry in {@code userId}'s timeline; 0 when the append made none there. */
  public long seqOf(String userId) {
    for (Delivery d : deliveries) {
      if (d.userId().equals(userId)) {
        return d.seq();
      }
    }
    return 0;
  }
}
