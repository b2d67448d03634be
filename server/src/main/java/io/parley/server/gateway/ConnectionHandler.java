package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.util.Timeout;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.codec.FrameTooLargeException;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Pong;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.protocol.v1.CredentialKind;
import io.parley.server.auth.App;
import io.parley.server.auth.AuthResult;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.messaging.Identifiers;
import io.parley.server.messaging.SendRateLimiter;
import io.parley.server.messaging.SendRefused;
import io.parley.server.session.Session;
import io.parley.server.session.UserKey;
import io.parley.server.store.StoreClosedException;
import io.parley.server.store.StoreOverloadedException;
import io.parley.server.sync.TimelineDelivery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol state machine: Login first, then Send, Pull, Ack and Ping. Runs on the
 * channel's event loop; anything slow (credential checks, store reads and writes) runs elsewhere and
 * comes back to the loop.
 */
final class ConnectionHandler extends SimpleChannelInboundHandler<Frame> {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final GatewayContext ctx;
  private IdleWatchdog.Watch idle;
  private boolean authenticating;
  private Session session;
  private SendRateLimiter sendLimiter;
  private Timeout credentialExpiry;

  ConnectionHandler(GatewayContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext c) {
    idle = ctx.idle().watch(c.channel(), ctx.config().limits().loginTimeoutMs());
    c.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext c) {
    if (idle != null) {
      idle.cancel();
    }
    if (credentialExpiry != null) {
      credentialExpiry.cancel();
    }
    if (session != null) {
      ctx.sessions().unregister(session);
    }
    c.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext c) {
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
    switch (frame.getBodyCase()) {
      case SEND -> send(c, frame.getRequestId(), frame.getSend());
      case PULL -> pull(c, frame.getRequestId(), frame.getPull());
      case ACK -> ack(frame.getAck().getSeq());
      case PING -> ping(c, frame.getRequestId(), frame.getPing().getIntervalMs());
      case LOGIN -> refuse(c, frame.getRequestId(), ErrorCodes.ALREADY_LOGGED_IN, "this connection is already logged in");
      case BODY_NOT_SET -> refuse(c, frame.getRequestId(), ErrorCodes.UNKNOWN_BODY, "unknown or empty frame body");
      default -> refuse(c, frame.getRequestId(), ErrorCodes.UNKNOWN_BODY,
          frame.getBodyCase().name().toLowerCase() + " is not a request a client can send");
    }
  }

  // --- login ---------------------------------------------------------------------------------

  private void login(ChannelHandlerContext c, int requestId, Login login) {
    if (login.getProtocolVersion() != ProtocolVersion.CURRENT) {
      refuseAndClose(c, requestId, ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
          "protocol version " + login.getProtocolVersion() + " is not supported; this server speaks version "
              + ProtocolVersion.CURRENT);
      return;
    }
    boolean userFromCredential = login.getUserId().isEmpty() && login.getCredentialKind() == CredentialKind.RONGCLOUD_TOKEN;
    if (!Identifiers.valid(login.getAppId()) || !(userFromCredential || Identifiers.valid(login.getUserId()))) {
      refuseAndClose(c, requestId, ErrorCodes.BAD_REQUEST, "app_id and user_id must be 1-128 printable characters");
      return;
    }
    if (!Identifiers.valid(login.getDeviceId())) {
      refuseAndClose(c, requestId, ErrorCodes.BAD_REQUEST, "device_id must be 1-128 printable characters");
      return;
    }
    authenticating = true;
    Channel ch = c.channel();
    ch.config().setAutoRead(false);
    LoginAttempt attempt = new LoginAttempt(login.getAppId(), login.getUserId(), login.getCredentialKind(),
        login.getCredential(), sourceAddress(ch));
    CompletableFuture<LoginCheck> check;
    try {
      check = ctx.auth().authenticate(attempt).thenApplyAsync(
          r -> new LoginCheck(r, r.ok() ? ctx.store().newestSeq(r.app().id(), r.userId()) : 0), ctx.blocking());
    } catch (RejectedExecutionException e) {
      check = CompletableFuture.failedFuture(e);
    }
    check.whenComplete((result, error) -> ch.eventLoop().execute(() -> loggedIn(c, requestId, login, attempt, result, error)));
  }

  private static String sourceAddress(Channel ch) {
    return ch.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
        ? a.getAddress().getHostAddress() : String.valueOf(ch.remoteAddress());
  }

  private record LoginCheck(AuthResult auth, long newestSeq) {}

  private void loggedIn(ChannelHandlerContext c, int requestId, Login login, LoginAttempt attempt, LoginCheck result,
      Throwable error) {
    authenticating = false;
    Channel ch = c.channel();
    if (!ch.isActive()) {
      return;
    }
    if (error != null) {
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (!(cause instanceof RejectedExecutionException)) {
        LOG.warn("login of {}/{} failed", attempt.appId(), attempt.userId(), cause);
      }
      refuseAndClose(c, requestId, ErrorCodes.UNAVAILABLE, "the server could not complete the login; try again");
      return;
    }
    AuthResult auth = result.auth();
    if (!auth.ok()) {
      refuseAndClose(c, requestId, auth.code(), auth.message());
      return;
    }
    App app = auth.app();
    UserKey user = new UserKey(app.id(), auth.userId());
    var heartbeat = ctx.config().heartbeat();
    TimelineDelivery delivery = new TimelineDelivery(ch, user, ctx.store()::readTimeline, ctx.blocking(), GatewayContext.PAGE);
    session = new Session(ctx.sessionIds().incrementAndGet(), app, user, login.getDeviceId(), login.getPlatform(), ch, delivery);
    sendLimiter = new SendRateLimiter(app.limits().sendsPerSecond(), app.limits().sendBurst());
    idle.deadline(heartbeat.idleDeadlineMs(heartbeat.maxMs()));
    ctx.sessions().register(session);
    ch.config().setAutoRead(true);

    long expiresAt = auth.expiresAtMillis();
    if (expiresAt > 0) {
      Session s = session;
      long delay = Math.max(0, expiresAt - System.currentTimeMillis());
      credentialExpiry = ctx.idle().timer().newTimeout(
          t -> s.kick(KickReason.USERSIG_EXPIRED, "the credential expired; log in again with a new one"),
          delay, TimeUnit.MILLISECONDS);
    }
    ch.write(Frame.newBuilder().setRequestId(requestId).setLoginResult(LoginResult.newBuilder()
        .setSessionId(session.id())
        .setServerTimeMs(System.currentTimeMillis())
        .setHeartbeatMinMs(heartbeat.minMs())
        .setHeartbeatMaxMs(heartbeat.maxMs())
        .setNewestSeq(result.newestSeq())
        .setMaxMessageBytes(app.limits().maxMessageBytes())
        .setCredentialExpiresAtMs(expiresAt)
        .setUserId(user.userId())).build(), ch.voidPromise());
    if (login.getLastAckedSeq() > 0) {
      ctx.store().writer().saveCursor(user.appId(), user.userId(), login.getDeviceId(), login.getLastAckedSeq());
    }
    delivery.start(login.getLastAckedSeq(), result.newestSeq());
    ch.flush();
  }

  // --- requests after login --------------------------------------------------------------------

  private void send(ChannelHandlerContext c, int requestId, Send send) {
    try {
      ctx.sends().validate(send, session.app().limits().maxMessageBytes());
    } catch (SendRefused r) {
      refuse(c, requestId, r.code(), r.getMessage());
      return;
    }
    if (!sendLimiter.tryAcquire()) {
      refuse(c, requestId, ErrorCodes.RATE_LIMITED, "too many messages; slow down");
      return;
    }
    Channel ch = c.channel();
    ctx.sends().send(session.user(), session.deviceId(), send).whenComplete((result, error) -> {
      if (error == null) {
        ch.writeAndFlush(Frame.newBuilder().setRequestId(requestId).setSendResult(result).build(), ch.voidPromise());
      } else {
        ch.writeAndFlush(storeFailure(requestId, error), ch.voidPromise());
      }
    });
  }

  private Frame storeFailure(int requestId, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof StoreOverloadedException || cause instanceof StoreClosedException) {
      return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry the send with the same client_msg_id");
    }
    if (cause instanceof IllegalArgumentException) {
      return Replies.error(requestId, ErrorCodes.BAD_REQUEST, "the message was refused: " + cause.getMessage());
    }
    LOG.error("storing a message failed", cause);
    return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the message could not be stored; retry with the same client_msg_id");
  }

  private void pull(ChannelHandlerContext c, int requestId, Pull pull) {
    int limit = pull.getLimit() == 0 ? GatewayContext.PAGE : Math.min(pull.getLimit(), GatewayContext.PAGE);
    UserKey user = session.user();
    Channel ch = c.channel();
    try {
      ctx.blocking().execute(() -> {
        Frame reply;
        try {
          List<TimelineEntry> entries = ctx.store().readTimeline(user.appId(), user.userId(), pull.getAfterSeq(), limit + 1);
          boolean more = entries.size() > limit;
          reply = Frame.newBuilder().setRequestId(requestId).setPullResult(PullResult.newBuilder()
              .addAllEntries(more ? entries.subList(0, limit) : entries)
              .setHasMore(more)
              .setNewestSeq(ctx.store().newestSeq(user.appId(), user.userId()))).build();
        } catch (RuntimeException e) {
          LOG.error("pull failed", e);
          reply = Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the timeline could not be read; retry");
        }
        ch.writeAndFlush(reply, ch.voidPromise());
      });
    } catch (RejectedExecutionException e) {
      refuse(c, requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry");
    }
  }

  private void ack(long seq) {
    if (seq > 0) {
      UserKey user = session.user();
      ctx.store().writer().saveCursor(user.appId(), user.userId(), session.deviceId(), seq);
    }
  }

  private void ping(ChannelHandlerContext c, int requestId, int intervalMs) {
    idle.deadline(ctx.config().heartbeat().idleDeadlineMs(intervalMs));
    c.writeAndFlush(Frame.newBuilder().setRequestId(requestId)
        .setPong(Pong.newBuilder().setServerTimeMs(System.currentTimeMillis())).build(), c.voidPromise());
  }

  // --- refusals and errors ---------------------------------------------------------------------

  private void refuse(ChannelHandlerContext c, int requestId, int code, String message) {
    ctx.refusals().refused(String.valueOf(c.channel().remoteAddress()), code, message);
    c.writeAndFlush(Replies.error(requestId, code, message), c.voidPromise());
  }

  private void refuseAndClose(ChannelHandlerContext c, int requestId, int code, String message) {
    ctx.refusals().refused(String.valueOf(c.channel().remoteAddress()), code, message);
    c.channel().config().setAutoRead(false);
    c.writeAndFlush(Replies.error(requestId, code, message)).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
    if (cause instanceof FrameTooLargeException || cause instanceof TooLongFrameException
        || cause instanceof CorruptedWebSocketFrameException && cause.getMessage() != null
            && cause.getMessage().contains("Max frame length")) {
      refuseAndClose(c, 0, ErrorCodes.FRAME_TOO_LARGE, "frame exceeds the limit of "
          + ctx.config().limits().maxFrameBytes() + " bytes");
    } else if (cause instanceof DecoderException) {
      refuseAndClose(c, 0, ErrorCodes.MALFORMED_FRAME, "the bytes received are not a valid frame");
    } else if (cause instanceof IOException) {
      c.close(); // the peer went away
    } else {
      LOG.error("unexpected error on {}", c.channel().remoteAddress(), cause);
      refuseAndClose(c, 0, ErrorCodes.INTERNAL, "internal error");
    }
  }
}
