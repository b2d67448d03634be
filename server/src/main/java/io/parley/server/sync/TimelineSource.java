package io.parley.server.sync;

import io.parley.protocol.v1.TimelineEntry;
import java.util.List;

/** Reads a page of a user's timeline: entries after a seq, ascending. Blocking; call off the event loop. */
@FunctionalInterface
public interface TimelineSource {
  List<TimelineEntry> read(String appId, String userId, long afterSeq, int limit);
}
