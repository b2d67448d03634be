package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.Timeout;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Pong;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.Send;
import io.parley.server.app.App;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.messaging.Identifiers;
import io.parley.server.messaging.SendRateLimiter;
import io.parley.server.messaging.SendRefused;
import io.parley.server.messaging.SendService;
import io.parley.server.session.Session;
import io.parley.server.session.UserKey;
import io.parley.server.sync.TimelineSync;
import java.net.InetSocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One connection's protocol state machine: Login first, then Send, Pull, Ack and Ping. Runs on the
 * channel's event loop; anything slow (credential checks, store reads and writes) runs in a request lane and
 * comes back to the loop. {@link InboundPacer} decides when the next request is read.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<Frame> {
  private final GatewayContext ctx;
  private final Refusals refusals;
  private IdleWatchdog.Watch idle;
  private InboundPacer pacer;
  private boolean authenticating;
  private Session session;
  private SendRateLimiter sendLimiter;
  private Timeout credentialExpiry;

  ConnectionHandler(GatewayContext ctx, Refusals refusals) {
    this.ctx = ctx;
    this.refusals = refusals;
  }

  @Override
  public void channelActive(ChannelHandlerContext c) {
    Channel ch = c.channel();
    idle = ctx.idle().watch(ch, ctx.config().limits().loginTimeoutMs());
    pacer = new InboundPacer(ch, ctx.idle().timer(), ctx.config().limits().slowConsumerMs(), () -> refusals.slowConsumer(ch));
    c.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext c) {
    if (idle != null) {
      idle.cancel();
    }
    if (pacer != null) {
      pacer.close();
    }
    if (credentialExpiry != null) {
      credentialExpiry.cancel();
    }
    if (session != null) {
      ctx.sessions().unregister(session);
      ctx.states().ended(session, IdleWatchdog.timedOut(c.channel()));
    }
    c.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext c) {
    pacer.writabilityChanged();
    if (session != null && c.channel().isWritable()) {
      session.delivery().onWritable();
    }
    c.fireChannelWritabilityChanged();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext c, Frame frame) {
    if (idle != null) {
      idle.touch();
    }
    if (session == null) {
      if (authenticating) {
        refuseAndClose(c, frame.getRequestId(), ErrorCodes.LOGIN_REQUIRED, "wait for the LoginResult before sending more frames");
      } else if (frame.getBodyCase() != Frame.BodyCase.LOGIN) {
        refuseAndClose(c, frame.getRequestId(), ErrorCodes.LOGIN_REQUIRED, "the first frame on a connection must be Login");
      } else {
        login(c, frame.getRequestId(), frame.getLogin());
      }
      return;
    }
    Frame.BodyCase body = frame.getBodyCase();
    if (frame.getRequestId() == 0 && (body == Frame.BodyCase.SEND || body == Frame.BodyCase.PULL || body == Frame.BodyCase.PING)) {
      refuse(c, 0, ErrorCodes.BAD_REQUEST, body.name().toLowerCase() + " needs a non-zero request_id to be answered");
      return;
    }
    switch (body) {
      case SEND -> send(c, frame.getRequestId(), frame.getSend());
      case PULL -> pull(c, frame.getRequestId(), frame.getPull());
      case ACK -> ctx.sync().ack(session, frame.getAck().getSeq());
      case PING -> ping(c, frame.getRequestId(), frame.getPing().getIntervalMs());
      case LOGIN -> refuse(c, frame.getRequestId(), ErrorCodes.ALREADY_LOGGED_IN, "this connection is already logged in");
      case BODY_NOT_SET -> refuse(c, frame.getRequestId(), ErrorCodes.UNKNOWN_BODY, "unknown or empty frame body");
      default -> refuse(c, frame.getRequestId(), ErrorCodes.UNKNOWN_BODY,
          body.name().toLowerCase() + " is not a request a client can send");
    }
  }

  // --- login ---------------------------------------------------------------------------------

  private void login(ChannelHandlerContext c, int requestId, Login login) {
    if (login.getProtocolVersion() != ProtocolVersion.CURRENT) {
      refuseAndClose(c, requestId, ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "protocol version " + Integer.toUnsignedString(login.getProtocolVersion())
              + " is not supported; this server speaks version " + ProtocolVersion.CURRENT);
      return;
    }
    boolean userFromCredential = login.getUserId().isEmpty() && ctx.auth().credentialNamesUser(login.getCredentialKind());
    if (!Identifiers.valid(login.getAppId()) || !(userFromCredential || Identifiers.valid(login.getUserId()))) {
      refuseAndClose(c, requestId, ErrorCodes.BAD_REQUEST, "app_id and user_id must be 1-128 printable characters");
      return;
    }
    if (!Identifiers.valid(login.getDeviceId())) {
      refuseAndClose(c, requestId, ErrorCodes.BAD_REQUEST, "device_id must be 1-128 printable characters");
      return;
    }
    authenticating = true;
    pacer.hold(true);
    Channel ch = c.channel();
    LoginAttempt attempt = new LoginAttempt(login.getAppId(), login.getUserId(), login.getCredentialKind(),
        login.getCredential(), sourceAddress(ch));
    LoginAdmission admission = new LoginAdmission(ctx, ch, login.getDeviceId(), login.getPlatform());
    admission.admit(attempt, (admitted, error) -> loggedIn(c, requestId, login, attempt, admitted, error));
  }

  private static String sourceAddress(Channel ch) {
    return ch.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress() : String.valueOf(ch.remoteAddress());
  }

  private void loggedIn(ChannelHandlerContext c, int requestId, Login login, LoginAttempt attempt,
      LoginAdmission.Admitted admitted, Throwable error) {
    authenticating = false;
    Channel ch = c.channel();
    if (!ch.isActive()) {
      if (admitted != null && admitted.session() != null) {
        ctx.sessions().unregister(admitted.session()); // closed while the login ran: channelInactive did not see it
        ctx.states().ended(admitted.session(), IdleWatchdog.timedOut(ch));
      }
      return;
    }
    if (error != null) {
      refusals.loginFailed(c, requestId, attempt, error);
      return;
    }
    if (!admitted.auth().ok()) {
      refuseAndClose(c, requestId, admitted.auth().code(), admitted.auth().message());
      return;
    }
    session = admitted.session();
    App app = session.app();
    UserKey user = session.user();
    var heartbeat = ctx.config().heartbeat();
    sendLimiter = new SendRateLimiter(app.limits().sendsPerSecond(), app.limits().sendBurst());
    idle.deadline(heartbeat.idleDeadlineMs(heartbeat.maxMs()));

    long expiresAt = admitted.auth().expiresAtMillis();
    if (expiresAt > 0) {
      Session s = session;
      long delay = Math.max(0, expiresAt - System.currentTimeMillis());
      credentialExpiry = ctx.idle().timer().newTimeout(
          t -> s.kick(KickReason.CREDENTIAL_EXPIRED, "the credential expired; log in again with a new one"),
          delay, TimeUnit.MILLISECONDS);
    }
    long newest = admitted.newestSeq();
    long resumeAfter = TimelineSync.resumeAfter(login.getLastAckedSeq(), newest);
    ch.write(Frame.newBuilder().setRequestId(requestId).setLoginResult(LoginResult.newBuilder()
        .setSessionId(session.id())
        .setServerTimeMs(System.currentTimeMillis())
        .setHeartbeatMinMs(heartbeat.minMs())
        .setHeartbeatMaxMs(heartbeat.maxMs())
        .setNewestSeq(newest)
        .setMaxMessageBytes(app.limits().maxMessageBytes())
        .setCredentialExpiresAtMs(expiresAt)
        .setUserId(user.userId())
        .setResumeAfterSeq(resumeAfter)).build(), ch.voidPromise());
    ctx.sync().resume(session, resumeAfter, newest);
    ch.flush();
    pacer.hold(false);
  }

  // --- requests after login --------------------------------------------------------------------

  private void send(ChannelHandlerContext c, int requestId, Send send) {
    try {
      SendService.validate(send, session.app().limits().maxMessageBytes());
    } catch (SendRefused r) {
      refuse(c, requestId, r.code(), r.getMessage());
      return;
    }
    if (!sendLimiter.tryAcquire()) {
      refuse(c, requestId, ErrorCodes.RATE_LIMITED, "too many messages; slow down");
      return;
    }
    Channel ch = c.channel();
    pacer.started(InboundPacer.SEND);
    Session from = session;
    ctx.sendFlow().send(from.app(), from.user(), from.deviceId(), () -> ctx.states().origin(from), send)
        .whenComplete((result, error) -> {
      Frame reply = error == null
          ? Frame.newBuilder().setRequestId(requestId).setSendResult(result).build()
          : refusals.sendFailed(requestId, error);
      answer(ch, InboundPacer.SEND, reply);
    });
  }

  /** Hands an answer to the channel from any thread, and frees its share of the connection's request budget. */
  private void answer(Channel ch, int weight, Frame reply) {
    try {
      ch.eventLoop().execute(() -> {
        pacer.finished(weight);
        ch.writeAndFlush(reply, ch.voidPromise());
      });
    } catch (RejectedExecutionException shuttingDown) {
      // the loop is gone, and the connection with it
    }
  }

  private void pull(ChannelHandlerContext c, int requestId, Pull pull) {
    if (!ctx.replies().hasRoom()) {
      refuse(c, requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry the pull in a moment");
      return;
    }
    UserKey user = session.user();
    Channel ch = c.channel();
    pacer.started(InboundPacer.PULL);
    try {
      ctx.lanes().reads().execute(() -> {
        Frame reply;
        try {
          reply = Frame.newBuilder().setRequestId(requestId)
              .setPullResult(ctx.sync().page(user, pull.getAfterSeq(), pull.getLimit())).build();
        } catch (RuntimeException e) {
          reply = refusals.pullFailed(requestId, user, e);
        }
        answerPull(ch, reply);
      });
    } catch (RejectedExecutionException e) {
      pacer.finished(InboundPacer.PULL);
      refuse(c, requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry the pull in a moment");
    }
  }

  /** A page counts against the server-wide reply budget until the socket has taken it. */
  private void answerPull(Channel ch, Frame reply) {
    try {
      ch.eventLoop().execute(() -> {
        pacer.finished(InboundPacer.PULL);
        int size = reply.getSerializedSize();
        ctx.replies().reserve(size);
        ch.writeAndFlush(reply).addListener(f -> ctx.replies().release(size));
      });
    } catch (RejectedExecutionException shuttingDown) {
      // the loop is gone, and the connection with it
    }
  }

  private void ping(ChannelHandlerContext c, int requestId, int intervalMs) {
    int interval = intervalMs < 0 ? Integer.MAX_VALUE : intervalMs; // unsigned on the wire; the range clamps it
    idle.deadline(ctx.config().heartbeat().idleDeadlineMs(interval));
    c.writeAndFlush(Frame.newBuilder().setRequestId(requestId)
        .setPong(Pong.newBuilder().setServerTimeMs(System.currentTimeMillis())).build(), c.voidPromise());
  }

  private void refuse(ChannelHandlerContext c, int requestId, int code, String message) {
    refusals.refuse(c, requestId, code, message);
  }

  private void refuseAndClose(ChannelHandlerContext c, int requestId, int code, String message) {
    refusals.refuseAndClose(c, requestId, code, message);
  }
}
