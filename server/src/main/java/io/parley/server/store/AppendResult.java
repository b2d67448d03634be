package io.parley.server.store;

import io.parley.protocol.v1.Message;
import java.util.List;

/**
 * The durable outcome of an {@link AppendRequest}: the stored message's server msg id and time and one
 * {@link Delivery} per timeline entry, in the request's order. For a duplicate (the dedup key was already stored) the
 * ids, seqs and time are the original ones and {@code message} is null: nothing new was stored.
 */
public record AppendResult(AppendRequest request, long serverMsgId, long serverTimeMs, boolean duplicate,
    Message message, List<Delivery> deliveries) {

  public AppendResult {
    deliveries = List.copyOf(deliveries);
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
