package io.parley.server.store;

import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;

/**
 * The durable outcome of a {@link RecallRequest}. Only a {@link Outcome#RECALLED} result carries the message (in its
 * recalled form) and the notice entries it appended: one to the sender's timeline, one to the recipient's (a single
 * one, both fields the same, for a message to oneself).
 */
public record RecallResult(RecallRequest request, Outcome outcome, Message message, TimelineEntry senderEntry,
    TimelineEntry recipientEntry) {

  /** What became of a recall. */
  public enum Outcome {
    /** Recalled now: the record is stored and both parties' timelines announce it. */
    RECALLED,
    /** It had been recalled before; nothing was written. */
    ALREADY_RECALLED,
    /** The conversation has no message with that id from that sender. */
    NOT_FOUND
  }

  static RecallResult of(RecallRequest request, Outcome outcome) {
    return new RecallResult(request, outcome, null, null, null);
  }
}
