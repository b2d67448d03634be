package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.parley.protocol.v1.KickReason;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.Origin;
import io.parley.server.callback.Platform;
import io.parley.server.callback.StateChange;
import io.parley.server.session.Session;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

/** Tells apps (their State.StateChange-like callbacks) when a session starts and why it ended. Never blocks. */
public final class StateCallbacks {
  private final Callbacks callbacks;
  private final Clock clock;

  public StateCallbacks(Callbacks callbacks, Clock clock) {
    this.callbacks = callbacks;
    this.clock = clock;
  }

  /** A session was registered; {@code replaced} is the same-platform session it pushed off, or null. */
  void loggedIn(Session session, Session replaced) {
    List<Platform> kicked = replaced == null ? List.of() : List.of(Platform.of(replaced.platform()));
    callbacks.after(session.app(), new StateChange(session.user().userId(), StateChange.Action.LOGIN,
        StateChange.Reason.CONNECTED, origin(session), kicked, clock.instant()));
  }

  /** A registered session's connection closed; {@code idle} when the idle deadline closed it. */
  void ended(Session session, boolean idle) {
    KickReason kick = session.kickedFor();
    StateChange.Action action;
    StateChange.Reason reason;
    if (kick == KickReason.LOGGED_IN_ELSEWHERE) {
      action = StateChange.Action.LOGOUT;
      reason = StateChange.Reason.KICKED_BY_OTHER_DEVICE;
    } else if (kick != null && kick != KickReason.IDLE_TIMEOUT) {
      action = StateChange.Action.LOGOUT;
      reason = StateChange.Reason.KICKED_BY_SERVER;
    } else {
      action = StateChange.Action.DISCONNECT;
      reason = idle || kick == KickReason.IDLE_TIMEOUT
          ? StateChange.Reason.HEARTBEAT_TIMEOUT : StateChange.Reason.CONNECTION_CLOSED;
    }
    callbacks.after(session.app(), new StateChange(session.user().userId(), action, reason, origin(session), List.of(),
        clock.instant()));
  }

  /** Where a session's events come from: its platform, address and device. */
  Origin origin(Session session) {
    Channel ch = session.channel();
    String ip = "";
    int port = 0;
    if (ch.remoteAddress() instanceof InetSocketAddress a) {
      ip = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
      port = a.getPort();
    }
    return new Origin(Platform.of(session.platform()), ip, port, session.deviceId());
  }
}
