package io.parley.server.gateway;

import io.parley.server.messaging.GroupServices;
import io.parley.server.auth.AuthService;
import io.parley.server.config.ServerConfig;
import io.parley.server.messaging.SendFlow;
import io.parley.server.metrics.RateLimitedLog;
import io.parley.server.session.SessionRegistry;
import io.parley.server.sync.TimelineSync;
import java.util.concurrent.atomic.AtomicLong;

/** The shared services every connection handler uses; handlers themselves hold only per-connection state. */
public record GatewayContext(
    ServerConfig config,
    AuthService auth,
    SendFlow sendFlow,
    SessionRegistry sessions,
    RequestLanes lanes,
    IdleWatchdog idle,
    RateLimitedLog log,
    ReplyBudget replies,
    TimelineSync sync,
    GroupServices groups,
    GatewayCounters counters,
    StateCallbacks states,
    AtomicLong sessionIds) {

  /** Largest page a Pull or a backlog read returns. */
  public static final int PAGE = 200;
  /** Server-wide bytes of timeline pages built and not yet written to sockets, past which pulls are refused as busy. */
  public static final long REPLY_BUDGET_BYTES = 64L << 20;
}
