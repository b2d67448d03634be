package io.parley.server.sync;

import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.session.UserKey;
import io.parley.server.store.Store;
import java.util.List;

/**
 * Answers a Pull: a page of the user's timeline after a seq, at most {@code pageSize} entries and about
 * {@link PushFrames#MAX_PUSH_BYTES} of them, with the newest seq. The wire's unsigned values are read as unsigned:
 * an {@code after_seq} past any real seq (2^63 and up included) is an empty page, a {@code limit} of 0 or past the
 * page size is the page size. Blocking: call off the event loop.
 */
public final class TimelinePages {
  private final Store store;
  private final int pageSize;

  public TimelinePages(Store store, int pageSize) {
    this.store = store;
    this.pageSize = pageSize;
  }

  /**
   * @param afterSeq the Pull's after_seq as the wire carries it (unsigned 64-bit)
   * @param limit the Pull's limit as the wire carries it (unsigned 32-bit)
   */
  public PullResult page(UserKey user, long afterSeq, int limit) {
    long newest = store.newestSeq(user.appId(), user.userId());
    if (afterSeq < 0 || afterSeq >= newest) { // negative: 2^63 or more on the wire
      return PullResult.newBuilder().setNewestSeq(newest).build();
    }
    int max = limit == 0 ? pageSize : (int) Math.min(Integer.toUnsignedLong(limit), pageSize);
    List<TimelineEntry> entries = store.readTimeline(user.appId(), user.userId(), afterSeq, max + 1);
    int fit = Math.min(entries.size(), max);
    int bytes = 0;
    for (int i = 0; i < fit; i++) {
      bytes += entries.get(i).getSerializedSize() + 8;
      if (i > 0 && bytes > PushFrames.MAX_PUSH_BYTES) {
        fit = i;
        break;
      }
    }
    return PullResult.newBuilder()
        .addAllEntries(entries.subList(0, fit))
        .setHasMore(entries.size() > fit)
        .setNewestSeq(Math.max(newest, fit == 0 ? 0 : entries.get(fit - 1).getSeq()))
        .build();
  }
}
