package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.Timeout;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupAck;
import io.parley.protocol.v1.GroupPull;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.server.messaging.SendRateLimiter;
import io.parley.server.messaging.SendRefused;
import io.parley.server.messaging.SendService;
import io.parley.server.session.Session;
import io.parley.server.session.UserKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A logged-in connection's requests: Send (through the send flow), Pull and Ack (through sync); a second Login or a
 * body a client cannot send is refused and the connection stays open. The {@link LoginHandler} puts it in its own
 * place once the login is admitted; Pings are answered by the {@link HeartbeatHandler} in front of it. Runs on the
 * channel's event loop: stores and reads run elsewhere and their answers come back to the loop, and the
 * {@link InboundPacer} handed over by the login decides when the next request is read. When the connection closes
 * the session is unregistered and the app told why it ended.
 */
final class SessionHandler extends SimpleChannelInboundHandler<Frame> {
  private static final String BUSY_PULL = "the server is busy; retry the pull in a moment";
  private final GatewayContext ctx;
  private final Refusals refusals;
  private final Session session;
  private final InboundPacer pacer;
  private final SendRateLimiter sendLimiter;
  private final long credentialExpiresAtMillis;
  private Timeout credentialExpiry;
  /** The connection's latest group operation, done or not: the next one starts after it (event loop only). */
  private CompletableFuture<Void> groupOps = CompletableFuture.completedFuture(null);

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
    if (frame.getRequestId() == 0 && (body == Frame.BodyCase.SEND || body == Frame.BodyCase.PULL
        || body == Frame.BodyCase.GROUP_REQUEST || body == Frame.BodyCase.GROUP_PULL)) {
      refusals.refuse(c, 0, ErrorCodes.BAD_REQUEST, body.name().toLowerCase() + " needs a non-zero request_id to be answered");
      return;
    }
    switch (body) {
      case SEND -> send(c, frame.getRequestId(), frame.getSend());
      case PULL -> pull(c, frame.getRequestId(), frame.getPull());
      case ACK -> ctx.sync().ack(session, frame.getAck().getSeq());
      case GROUP_REQUEST -> groupRequest(c, frame.getRequestId(), frame.getGroupRequest());
      case GROUP_PULL -> groupPull(c, frame.getRequestId(), frame.getGroupPull());
      case GROUP_ACK -> groupAck(c, frame.getGroupAck());
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
    CompletableFuture<SendResult> sent = send.getGroupId().isEmpty()
        ? ctx.sendFlow().send(from.app(), from.user(), from.deviceId(), () -> ctx.states().origin(from), send)
        : sendToGroup(from, send);
    sent.whenComplete((result, error) -> {
      Frame reply = error == null
          ? Frame.newBuilder().setRequestId(requestId).setSendResult(result).build()
          : refusals.sendFailed(requestId, error);
      answer(ch, InboundPacer.SEND, reply);
    });
  }

  private CompletableFuture<SendResult> sendToGroup(Session from, Send send) {
    try {
      return ctx.groups().sends().send(from.app(), from.user(), from.deviceId(), () -> ctx.states().origin(from), send);
    } catch (RejectedExecutionException busy) {
      return CompletableFuture.failedFuture(new SendRefused(ErrorCodes.UNAVAILABLE,
          "the server is busy; retry the send with the same client_msg_id"));
    }
  }

  /**
   * A group operation: run on the group lane (it reads and fsyncs), one of the connection's at a time, so that they
   * take effect (and are answered) in the order sent.
   */
  private void groupRequest(ChannelHandlerContext c, int requestId, GroupRequest request) {
    Channel ch = c.channel();
    UserKey user = session.user();
    pacer.started(InboundPacer.SEND);
    CompletableFuture<Void> done = new CompletableFuture<>();
    Runnable work = () -> {
      Frame reply;
      try {
        reply = Frame.newBuilder().setRequestId(requestId)
            .setGroupResult(ctx.groups().frames().handle(user.appId(), user.userId(), request)).build();
      } catch (RuntimeException e) {
        reply = refusals.groupFailed(requestId, e);
      } finally {
        done.complete(null);
      }
      answer(ch, InboundPacer.SEND, reply);
    };
    groupOps.whenComplete((x, e) -> {
      try {
        ctx.groups().lane().execute(work);
      } catch (RejectedExecutionException busy) {
        done.complete(null);
        answer(ch, InboundPacer.SEND, Replies.error(requestId, ErrorCodes.UNAVAILABLE,
            "the server is busy; retry the group operation in a moment"));
      }
    });
    groupOps = done;
  }

  /** A page of a large group's history for one of its members. */
  private void groupPull(ChannelHandlerContext c, int requestId, GroupPull pull) {
    if (pull.getGroupId().isEmpty()) {
      refusals.refuse(c, requestId, ErrorCodes.BAD_REQUEST, "group_pull needs a group_id");
      return;
    }
    UserKey user = session.user();
    pullOnLane(c, requestId, () -> {
      try {
        return Frame.newBuilder().setRequestId(requestId)
            .setGroupPullResult(ctx.groups().sync().page(user.appId(), user.userId(), pull)).build();
      } catch (RuntimeException e) {
        return refusals.groupFailed(requestId, e);
      }
    });
  }

  private void groupAck(ChannelHandlerContext c, GroupAck ack) {
    if (ack.getGroupId().isEmpty() || ack.getGroupId().indexOf('\0') >= 0) {
      refusals.refuse(c, 0, ErrorCodes.BAD_REQUEST, "group_ack needs a group_id");
      return;
    }
    UserKey user = session.user();
    ctx.groups().sync().ack(user.appId(), user.userId(), ack.getGroupId(), ack.getSeq());
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
    UserKey user = session.user();
    pullOnLane(c, requestId, () -> {
      try {
        return Frame.newBuilder().setRequestId(requestId)
            .setPullResult(ctx.sync().page(user, pull.getAfterSeq(), pull.getLimit())).build();
      } catch (RuntimeException e) {
        return refusals.pullFailed(requestId, user, e);
      }
    });
  }

  /**
   * Builds a page on the read lane and answers with it, or refuses as busy when the reply budget is full (now or when
   * the page's turn comes) or the lane's queue is.
   */
  private void pullOnLane(ChannelHandlerContext c, int requestId, Supplier<Frame> page) {
    if (!ctx.replies().hasRoom()) {
      refusals.refuse(c, requestId, ErrorCodes.UNAVAILABLE, BUSY_PULL);
      return;
    }
    Channel ch = c.channel();
    pacer.started(InboundPacer.PULL);
    try {
      ctx.lanes().reads().execute(() -> answerPull(ch, ctx.replies().hasRoom() ? page.get()
          : Replies.error(requestId, ErrorCodes.UNAVAILABLE, BUSY_PULL)));
    } catch (RejectedExecutionException e) {
      pacer.finished(InboundPacer.PULL);
      refusals.refuse(c, requestId, ErrorCodes.UNAVAILABLE, BUSY_PULL);
    }
  }

  /**
   * A page counts against the server-wide reply budget from the moment it is built (on the read lane, so pages
   * waiting for their event loop count too) until the socket has taken it.
   */
  private void answerPull(Channel ch, Frame reply) {
    int size = reply.getSerializedSize();
    ctx.replies().reserve(size);
    try {
      ch.eventLoop().execute(() -> {
        pacer.finished(InboundPacer.PULL);
        ch.writeAndFlush(reply).addListener(f -> ctx.replies().release(size));
      });
    } catch (RejectedExecutionException shuttingDown) {
      ctx.replies().release(size); // the loop is gone, and the connection with it
    }
  }
}
