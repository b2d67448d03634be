package io.parley.server.sync;

import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.session.Session;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import io.parley.server.store.AppendResult;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Delivery;
import io.parley.server.store.RecallResult;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each durable batch into pushes: every delivery's entry goes to every online device of its owner,
 * one task per device per batch so that the device's loop writes and flushes once.
 */
public final class PushDispatcher implements CommitListener {
  private final SessionRegistry sessions;

  public PushDispatcher(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  @Override
  public void committed(List<AppendResult> batch) {
    Map<Session, List<TimelineEntry>> perSession = new IdentityHashMap<>();
    for (AppendResult r : batch) {
      for (Delivery d : r.deliveries()) {
        route(perSession, new UserKey(r.request().appId(), d.userId()), entry(r, d));
      }
    }
    perSession.forEach((session, entries) -> session.delivery().offer(entries));
  }

  /** A recall's notice entries go the same way as a message's: to every online device of both parties. */
  @Override
  public void recalled(List<RecallResult> recalls) {
    Map<Session, List<TimelineEntry>> perSession = new IdentityHashMap<>();
    for (RecallResult r : recalls) {
      routeBoth(perSession, r.request().appId(), r.request().fromUserId(), r.senderEntry(), r.request().toUserId(),
          r.recipientEntry());
    }
    perSession.forEach((session, entries) -> session.delivery().offer(entries));
  }

  /** The timeline entry a delivery made, as the user's devices read it. */
  private static TimelineEntry entry(AppendResult r, Delivery d) {
    return r.entryFor(d);
  }

  private void routeBoth(Map<Session, List<TimelineEntry>> perSession, String app, String from,
      TimelineEntry senderEntry, String to, TimelineEntry recipientEntry) {
    route(perSession, new UserKey(app, from), senderEntry);
    if (recipientEntry != senderEntry) { // a self-send's one entry is both
      route(perSession, new UserKey(app, to), recipientEntry);
    }
  }

  private void route(Map<Session, List<TimelineEntry>> perSession, UserKey user, TimelineEntry entry) {
    if (entry == null) {
      return;
    }
    for (Session s : sessions.sessionsOf(user)) {
      perSession.computeIfAbsent(s, k -> new ArrayList<>(4)).add(entry);
    }
  }
}
