package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.Timeout;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.Send;
import io.parley.server.messaging.SendRateLimiter;
import io.parley.server.messaging.SendRefused;
import io.parley.server.messaging.SendService;
import io.parley.server.session.Session;
import io.parley.server.session.UserKey;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A logged-in connection's requests: Send (through the send flow), Pull and Ack (through sync); a second Login or a
 * body a client cannot send is refused and the connection stays open. The {@link LoginHandler} puts it in its own
 * place once the login is admitted; Pings are answered by the {@link HeartbeatHandler} in front of it. Runs on the
 * channel's event loop: stores and reads run elsewhere and their answers come back to the loop, and the
 * {@link InboundPacer} handed over by the login decides when the next request is read. When the connection closes
 * the session is unregistered and the app told why it ended.
 */
final class SessionHandler extends SimpleChannelInboundHandler<Frame> {
  private final GatewayContext ctx;
  private final Refusals refusals;
  private final Session session;
  private final InboundPacer pacer;
  private final SendRateLimiter sendLimiter;
  private final long credentialExpiresAtMillis;
  private Timeout credentialExpiry;

  /** @param credentialExpiresAtMillis when the login's credential expires and the session is kicked; 0 for never */
  SessionHandler(GatewayContext ctx, Refusals refusals, Session session, InboundPacer pacer,
      long credentialExpiresAtMillis) {
    this.ctx = ctx;
    this.refusals = refusals;
    this.session = session;
    this.pacer = pacer;
    this.sendLimiter = new SendRateLimiter(session.app().limits().sendsPerSecond(), session.app().limits().sendBurst());
    this.credentialExpiresAtMillis = credentialExpiresAtMillis;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext c) {
    if (credentialExpiresAtMillis > 0) {
      Session s = session;
      long delay = Math.max(0, credentialExpiresAtMillis - System.currentTimeMillis());
      credentialExpiry = ctx.idle().timer().newTimeout(
          t -> s.kick(KickReason.CREDENTIAL_EXPIRED, "the credential expired; log in again with a new one"),
          delay, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext c) {
    pacer.close();
    if (credentialExpiry != null) {
      credentialExpiry.cancel();
    }
    ctx.sessions().unregister(session);
    ctx.states().ended(session, IdleWatchdog.timedOut(c.channel()));
    c.fireChannelInactive();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext c) {
    pacer.writabilityChanged();
    if (c.channel().isWritable()) {
      session.delivery().onWritable();
    }
    c.fireChannelWritabilityChanged();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext c, Frame frame) {
    Frame.BodyCase body = frame.getBodyCase();
    if (frame.getRequestId() == 0 && (body == Frame.BodyCase.SEND || body == Frame.BodyCase.PULL)) {
      refusals.refuse(c, 0, ErrorCodes.BAD_REQUEST, body.name().toLowerCase() + " needs a non-zero request_id to be answered");
      return;
    }
    switch (body) {
      case SEND -> send(c, frame.getRequestId(), frame.getSend());
      case PULL -> pull(c, frame.getRequestId(), frame.getPull());
      case ACK -> ctx.sync().ack(session, frame.getAck().getSeq());
      case LOGIN -> refusals.refuse(c, frame.getRequestId(), ErrorCodes.ALREADY_LOGGED_IN, "this connection is already logged in");
      case BODY_NOT_SET -> refusals.refuse(c, frame.getRequestId(), ErrorCodes.UNKNOWN_BODY, "unknown or empty frame body");
      default -> refusals.refuse(c, frame.getRequestId(), ErrorCodes.UNKNOWN_BODY,
          body.name().toLowerCase() + " is not a request a client can send");
    }
  }

  private void send(ChannelHandlerContext c, int requestId, Send send) {
    try {
      SendService.validate(send, session.app().limits().maxMessageBytes());
    } catch (SendRefused r) {
      refusals.refuse(c, requestId, r.code(), r.getMessage());
      return;
    }
    if (!sendLimiter.tryAcquire()) {
      refusals.refuse(c, requestId, ErrorCodes.RATE_LIMITED, "too many messages; slow down");
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
      refusals.refuse(c, requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry the pull in a moment");
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
      refusals.refuse(c, requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry the pull in a moment");
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
}
