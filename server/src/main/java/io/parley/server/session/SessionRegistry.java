package io.parley.server.session;

import io.parley.protocol.v1.KickReason;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who is online: the live sessions of every user. Reads (the push path) take no lock; a login on a
 * platform where the user already has a session replaces that session and kicks it.
 */
public final class SessionRegistry {
  private static final Session[] NONE = new Session[0];

  private final ConcurrentHashMap<UserKey, Session[]> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  /** Adds a session; a session of the same user on the same platform is removed, kicked and returned (else null). */
  public Session register(Session session) {
    Session[] replaced = new Session[1];
    byUser.compute(session.user(), (k, current) -> {
      if (current == null) {
        return new Session[] {session};
      }
      for (int i = 0; i < current.length; i++) {
        if (current[i].platform() == session.platform()) {
          replaced[0] = current[i];
          Session[] next = current.clone();
          next[i] = session;
          return next;
        }
      }
      Session[] next = Arrays.copyOf(current, current.length + 1);
      next[current.length] = session;
      return next;
    });
    if (replaced[0] == null) {
      count.incrementAndGet();
    } else {
      replaced[0].kick(KickReason.LOGGED_IN_ELSEWHERE,
          "this account logged in on another " + session.platform() + " device");
    }
    return replaced[0];
  }

  /** Removes a session if it is still registered (a replaced session is already gone). */
  public void unregister(Session session) {
    boolean[] removed = new boolean[1];
    byUser.computeIfPresent(session.user(), (k, current) -> {
      for (int i = 0; i < current.length; i++) {
        if (current[i] == session) {
          removed[0] = true;
          if (current.length == 1) {
            return null;
          }
          Session[] next = new Session[current.length - 1];
          System.arraycopy(current, 0, next, 0, i);
          System.arraycopy(current, i + 1, next, i, current.length - i - 1);
          return next;
        }
      }
      return current;
    });
    if (removed[0]) {
      count.decrementAndGet();
    }
  }

  /** The user's live sessions; never null. */
  public Session[] sessionsOf(UserKey user) {
    Session[] s = byUser.get(user);
    return s == null ? NONE : s;
  }

  /** Number of live sessions. */
  public int size() {
    return count.get();
  }

  /** Kicks every live session of one user; returns how many were kicked. */
  public int kickUser(UserKey user, KickReason reason, String message) {
    Session[] live = sessionsOf(user);
    for (Session s : live) {
      s.kick(reason, message);
    }
    return live.length;
  }

  /** Kicks every live session of one app; returns how many were kicked. */
  public int kickApp(String appId, KickReason reason, String message) {
    int kicked = 0;
    for (var e : byUser.entrySet()) {
      if (e.getKey().appId().equals(appId)) {
        for (Session s : e.getValue()) {
          s.kick(reason, message);
          kicked++;
        }
      }
    }
    return kicked;
  }

  /** Every live session (a snapshot), for shutdown. */
  public java.util.List<Session> all() {
    java.util.List<Session> out = new java.util.ArrayList<>();
    byUser.values().forEach(a -> out.addAll(Arrays.asList(a)));
    return out;
  }
}
