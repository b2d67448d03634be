package io.parley.server.gateway;

import io.parley.protocol.v1.GroupSeq;
import java.util.List;
import io.netty.channel.Channel;
import io.parley.protocol.v1.Platform;
import io.parley.server.auth.AuthResult;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.session.Delivery;
import io.parley.server.session.Session;
import io.parley.server.session.UserKey;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;

/**
 * Turns an accepted credential into a registered session, in the login lane: the session is registered <em>before</em>
 * the user's newest seq is read. A message committed while the login runs is then either offered to the registered
 * session's delivery or already counted in the seq read after registration; registering after the read (as before)
 * let a commit land in between, seen by neither, and wait for the next message to be pushed.
 */
final class LoginAdmission {
  /** The outcome: a refusal ({@code session} null), or the registered session and the newest seq read after it. */
  /** {@code readGroups}: the user's large groups, where each stands and how far the user has read (LoginResult). */
  record Admitted(AuthResult auth, Session session, long newestSeq, List<GroupSeq> readGroups) {}

  private final GatewayContext ctx;
  private final Channel channel;
  private final String deviceId;
  private final Platform platform;

  LoginAdmission(GatewayContext ctx, Channel channel, String deviceId, Platform platform) {
    this.ctx = ctx;
    this.channel = channel;
    this.deviceId = deviceId;
    // A platform this server does not know (a newer client) counts as unspecified rather than failing the login.
    this.platform = platform == Platform.UNRECOGNIZED ? Platform.PLATFORM_UNSPECIFIED : platform;
  }

  /** Authenticates, then admits; {@code done} runs on the channel's event loop with the outcome or an error. */
  void admit(LoginAttempt attempt, BiConsumer<Admitted, Throwable> done) {
    ctx.auth().authenticate(attempt).whenComplete((auth, error) -> {
      if (error != null || !auth.ok()) {
        onLoop(done, error == null ? new Admitted(auth, null, 0, List.of()) : null, error);
      } else if (channel.eventLoop().inEventLoop()) {
        try { // the credential was cached: the store read must still leave the loop
          ctx.lanes().logins().execute(() -> register(auth, done));
        } catch (RejectedExecutionException e) {
          onLoop(done, null, e);
        }
      } else {
        register(auth, done);
      }
    });
  }

  private void register(AuthResult auth, BiConsumer<Admitted, Throwable> done) {
    UserKey user = new UserKey(auth.app().id(), auth.userId());
    Delivery delivery = ctx.sync().delivery(channel, user);
    Session session = new Session(ctx.sessionIds().incrementAndGet(), auth.app(), user, deviceId, platform, channel,
        delivery);
    Session replaced = ctx.sessions().register(session);
    long newest;
    List<GroupSeq> readGroups;
    try {
      newest = ctx.sync().newestSeq(user);
      // After registering: a group hint committed from here on reaches the session (held until the LoginResult).
      readGroups = ctx.groups().sync().readGroups(user.appId(), user.userId());
    } catch (RuntimeException e) {
      ctx.sessions().unregister(session);
      onLoop(done, null, e);
      return;
    }
    ctx.states().loggedIn(session, replaced);
    onLoop(done, new Admitted(auth, session, newest, readGroups), null);
  }

  private void onLoop(BiConsumer<Admitted, Throwable> done, Admitted admitted, Throwable error) {
    try {
      channel.eventLoop().execute(() -> done.accept(admitted, error));
    } catch (RejectedExecutionException shuttingDown) {
      if (admitted != null && admitted.session() != null) {
        ctx.sessions().unregister(admitted.session());
      }
    }
  }
}
