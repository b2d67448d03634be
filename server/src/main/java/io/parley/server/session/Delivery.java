package io.parley.server.session;

import io.parley.protocol.v1.TimelineEntry;
import java.util.List;

/**
 * How a session's timeline reaches its device: what the session package needs of sync, owned here so that session
 * does not depend on sync (sync implements it and depends on session). Methods marked "on the loop" run on the
 * session's channel event loop.
 */
public interface Delivery {
  /** Starts delivery after {@code afterSeq}; the store holds entries up to at least {@code newestSeq}. On the loop. */
  void start(long afterSeq, long newestSeq);

  /** Hands over newly committed entries of this user, ascending. Any thread. */
  void offer(List<TimelineEntry> entries);

  /** Resumes a paused catch-up when the channel can take more. On the loop. */
  void onWritable();

  /** Highest seq written to the channel so far. On the loop. */
  long deliveredSeq();

  /** Highest seq known to exist in the user's timeline. On the loop. */
  long newestKnownSeq();

  /**
   * Tells the device that a group it reads from the group's own timeline (a large group) has reached
   * {@code groupSeq}. Coalesced: hints arriving together go out as one push with the newest seq per group. Any thread.
   */
  void hintGroup(String groupId, long groupSeq);

  /**
   * Hands over an event that is not in the user's timeline (seq 0: an online-only room message); written at once if
   * the channel can take it, dropped otherwise (online-only means no promise to a slow device). Any thread.
   */
  void offerTransient(TimelineEntry entry);
}
