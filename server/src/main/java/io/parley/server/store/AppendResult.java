package io.parley.server.store;

import io.parley.protocol.v1.TimelineEntry;

/**
 * The durable outcome of an {@link AppendRequest}. For a duplicate (the client msg id was already stored) the ids,
 * seqs and time are the original ones and both entries are null.
 */
public record AppendResult(AppendRequest request, long serverMsgId, long senderSeq, long recipientSeq,
              long serverTimeMs, boolean duplicate,
              TimelineEntry senderEntry, TimelineEntry recipientEntry) {
}
