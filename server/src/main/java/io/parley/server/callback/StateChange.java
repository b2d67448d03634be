package io.parley.server.callback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's connection went up or down. {@code kicked} lists the platforms of the user's other devices that this
 * login pushed offline (empty otherwise).
 */
public record StateChange(String user, Action action, Reason reason, Origin origin, List<Platform> kicked, Instant time)
    implements CallbackEvent {

  /** What happened to the connection. */
  public enum Action {
    /** The user logged in (a connection was established, or re-established). */
    LOGIN,
    /** The user logged out on purpose, or was logged out by the server. */
    LOGOUT,
    /** The connection was lost without a logout. */
    DISCONNECT
  }

  /** Why; the vendors report these with their own words and numbers. */
  public enum Reason {
    /** A login (new connection or reconnect). */
    CONNECTED,
    /** The client logged out. */
    LOGGED_OUT,
    /** The connection closed (client went away, FIN or RST). */
    CONNECTION_CLOSED,
    /** The client's heartbeats stopped. */
    HEARTBEAT_TIMEOUT,
    /** Another device of the same user logged in and took this one's place. */
    KICKED_BY_OTHER_DEVICE,
    /** The app (REST kick, block) or the server (e.g. a slow consumer) pushed the user off. */
    KICKED_BY_SERVER
  }

  public StateChange {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
    kicked = List.copyOf(kicked);
    Objects.requireNonNull(time, "time");
  }

  /** A login that pushed no other device off. */
  public static StateChange login(String user, Origin origin, Instant time) {
    return new StateChange(user, Action.LOGIN, Reason.CONNECTED, origin, List.of(), time);
  }
}
