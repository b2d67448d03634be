package io.parley.server.gateway;

import io.parley.server.auth.AuthService;
import io.parley.server.config.ServerConfig;
import io.parley.server.messaging.SendService;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.Store;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/** The shared services every connection handler uses; handlers themselves hold only per-connection state. */
public record GatewayContext(
    ServerConfig config,
    AuthService auth,
    Store store,
    SendService sends,
    SessionRegistry sessions,
    ExecutorService blocking,
    IdleWatchdog idle,
    RefusalLog refusals,
    AtomicLong sessionIds) {

  /** Largest page a Pull or a backlog read returns. */
  public static final int PAGE = 200;
}
