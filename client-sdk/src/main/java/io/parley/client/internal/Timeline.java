package io.parley.client.internal;

import io.parley.protocol.v1.TimelineEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Tracks the highest timeline seq accepted for delivery and filters incoming entries so that each
 * seq is accepted once and in order: older seqs are dropped, and a gap stops acceptance and asks
 * for a pull. Not thread-safe: the owning client calls it from its event loop.
 */
final class Timeline {
  /** The entries that extend the timeline contiguously, and whether a gap was seen after them. */
  record Accepted(List<TimelineEntry> entries, boolean gap) {}

  private long acceptedSeq;

  Timeline(long acceptedSeq) {
    this.acceptedSeq = acceptedSeq;
  }

  long acceptedSeq() {
    return acceptedSeq;
  }

  /** Moves the accepted seq back to where the server resumes delivery (its newest seq was below this cursor). */
  void rewind(long seq) {
    if (seq < acceptedSeq) {
      acceptedSeq = seq;
    }
  }

  /** True when the server has entries this client has not accepted yet. */
  boolean isBehind(long newestSeq) {
    return newestSeq > acceptedSeq;
  }

  /**
   * Accepts the contiguous run of entries after the accepted seq; entries must be in seq order. Entries with seq 0 are
   * online-only events outside the timeline (a broadcast room's message): each is accepted where it stands, also after
   * a gap (no pull would bring it back), and moves neither the accepted seq nor the gap.
   */
  Accepted accept(List<TimelineEntry> entries) {
    List<TimelineEntry> accepted = new ArrayList<>(entries.size());
    boolean gap = false;
    for (TimelineEntry entry : entries) {
      long seq = entry.getSeq();
      if (seq == 0) {
        accepted.add(entry);
        continue;
      }
      if (gap || seq <= acceptedSeq) {
        continue;
      }
      if (seq != acceptedSeq + 1) {
        gap = true;
        continue;
      }
      accepted.add(entry);
      acceptedSeq = seq;
    }
    return new Accepted(accepted, gap);
  }
}
