package io.parley.server.sync;

import io.netty.channel.Channel;
import io.parley.protocol.v1.PullResult;
import io.parley.server.metrics.RateLimitedLog;
import io.parley.server.session.Delivery;
import io.parley.server.session.Session;
import io.parley.server.session.UserKey;
import io.parley.server.store.Store;
import java.util.concurrent.Executor;

/**
 * The sync side of a connection, for the gateway: a device's delivery, where it resumes at login, its Pulls and its
 * Acks. The gateway reaches timelines and cursors only through here, never the store itself.
 */
public final class TimelineSync {
  private final Store store;
  private final Executor readExecutor;
  private final int pageSize;
  private final RateLimitedLog failures;
  private final TimelinePages pages;

  /**
   * @param readExecutor where deliveries read their backlog (off the event loops)
   * @param pageSize the largest page a Pull or a backlog read returns
   */
  public TimelineSync(Store store, Executor readExecutor, int pageSize, RateLimitedLog failures) {
    this.store = store;
    this.readExecutor = readExecutor;
    this.pageSize = pageSize;
    this.failures = failures;
    this.pages = new TimelinePages(store, pageSize);
  }

  /** A new delivery of {@code user}'s timeline to one channel, not started yet. */
  public Delivery delivery(Channel channel, UserKey user) {
    return new TimelineDelivery(channel, user, store::readTimeline, readExecutor, pageSize, failures);
  }

  /** The newest seq of the user's timeline. Blocking: call off the event loop. */
  public long newestSeq(UserKey user) {
    return store.newestSeq(user.appId(), user.userId());
  }

  /**
   * Where a logging-in device resumes: its last acked seq, or the newest seq when the cursor is ahead of it (2^63 and
   * more included, the wire being unsigned), so that the device hears the next entry instead of nothing until the
   * timeline reaches its cursor.
   */
  public static long resumeAfter(long lastAckedSeq, long newestSeq) {
    return Long.compareUnsigned(lastAckedSeq, newestSeq) > 0 ? newestSeq : lastAckedSeq;
  }

  /** Saves the device's cursor at {@code resumeAfter} (when past 0) and starts its delivery after it. On the loop. */
  public void resume(Session session, long resumeAfter, long newestSeq) {
    if (resumeAfter > 0) {
      saveCursor(session, resumeAfter);
    }
    session.delivery().start(resumeAfter, newestSeq);
  }

  /** Answers a Pull ({@link TimelinePages#page}). Blocking: call off the event loop. */
  public PullResult page(UserKey user, long afterSeq, int limit) {
    return pages.page(user, afterSeq, limit);
  }

  /**
   * Moves the device's cursor to an acked seq; 0 changes nothing. Unsigned on the wire: a seq past the newest known
   * one (2^63 and more read as negative) is clamped to it, so a bogus ack cannot park the cursor past entries the
   * device has not seen. On the loop.
   */
  public void ack(Session session, long seq) {
    if (seq == 0) {
      return;
    }
    long newest = session.delivery().newestKnownSeq();
    long clamped = seq < 0 || seq > newest ? newest : seq;
    if (clamped > 0) {
      saveCursor(session, clamped);
    }
  }

  private void saveCursor(Session session, long seq) {
    UserKey user = session.user();
    store.writer().saveCursor(user.appId(), user.userId(), session.deviceId(), seq);
  }
}
