package io.parley.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.parley.protocol.ErrorCodes;
import io.parley.server.group.GroupCodes;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.sync.GroupTimelineSync;
import io.parley.protocol.codec.FrameTooLargeException;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.KickReason;
import io.parley.server.auth.LoginAttempt;
import io.parley.server.messaging.SendRefused;
import io.parley.server.session.Farewell;
import io.parley.server.session.UserKey;
import io.parley.server.store.StoreClosedException;
import io.parley.server.store.StoreOverloadedException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;

/**
 * How the gateway says no, in one place: every refusal and failure becomes an error reply with a clear code and
 * message (never a stack trace on the wire) and a line in the rate-limited refusal log. The other handlers call it;
 * at the tail of the pipeline it also turns exceptions (oversized or undecodable frames, bugs) into closing errors.
 * Holds no per-connection state, so one instance serves every pipeline.
 */
@Sharable
final class Refusals extends ChannelInboundHandlerAdapter {
  private final GatewayContext ctx;

  Refusals(GatewayContext ctx) {
    this.ctx = ctx;
  }

  /** Answers a request with an error; the connection stays open. */
  void refuse(ChannelHandlerContext c, int requestId, int code, String message) {
    ctx.log().refused(String.valueOf(c.channel().remoteAddress()), code, message);
    c.writeAndFlush(Replies.error(requestId, code, message), c.voidPromise());
  }

  /** Answers with an error as the connection's last frame, then ends the connection ({@link Farewell}). */
  void refuseAndClose(ChannelHandlerContext c, int requestId, int code, String message) {
    ctx.log().refused(String.valueOf(c.channel().remoteAddress()), code, message);
    Farewell.send(c.channel(), Replies.error(requestId, code, message));
  }

  /** The client has not read its output for the slow-consumer deadline: tell it, and close. Its timeline stays. */
  void slowConsumer(Channel ch) {
    long ms = ctx.config().limits().slowConsumerMs();
    ctx.counters().slowConsumerKicked();
    ctx.log().refused(String.valueOf(ch.remoteAddress()), 0, "slow consumer: output unread for " + ms + " ms");
    Farewell.send(ch, Frame.newBuilder().setKick(Kick.newBuilder().setReason(KickReason.SLOW_CONSUMER)
        .setMessage("this connection did not read what the server sent for " + ms + " ms; reconnect to resume"))
        .build());
  }

  /** A login that failed on the server's side (not a refused credential): UNAVAILABLE, and close. */
  void loginFailed(ChannelHandlerContext c, int requestId, LoginAttempt attempt, Throwable error) {
    Throwable cause = unwrap(error);
    if (!(cause instanceof RejectedExecutionException || cause instanceof StoreClosedException)) {
      ctx.log().failed("login of " + attempt.appId() + "/" + attempt.userId() + " failed", cause);
    }
    refuseAndClose(c, requestId, ErrorCodes.UNAVAILABLE, "the server could not complete the login; try again");
  }

  /** The answer to a send whose storing failed. Any thread. */
  Frame sendFailed(int requestId, Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof StoreOverloadedException || cause instanceof StoreClosedException) {
      return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry the send with the same client_msg_id");
    }
    if (cause instanceof IllegalArgumentException) {
      return Replies.error(requestId, ErrorCodes.BAD_REQUEST, "the message was refused: " + cause.getMessage());
    }
    if (cause instanceof SendRefused refused) {
      return Replies.error(requestId, refused.code(), refused.getMessage());
    }
    ctx.log().failed("storing a message failed", cause);
    return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the message could not be stored; retry with the same client_msg_id");
  }

  /** The answer to a group operation or a group pull that failed. Any thread. */
  Frame groupFailed(int requestId, RuntimeException error) {
    if (error instanceof GroupRefused refused) {
      return Replies.error(requestId, refused.code(), refused.getMessage());
    }
    if (error instanceof GroupTimelineSync.NotAMember notMember) {
      return Replies.error(requestId, GroupCodes.NOT_A_MEMBER, notMember.getMessage());
    }
    if (error instanceof IllegalArgumentException) {
      return Replies.error(requestId, ErrorCodes.BAD_REQUEST, error.getMessage());
    }
    if (error instanceof StoreClosedException || error instanceof StoreOverloadedException) {
      return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the server is busy; retry in a moment");
    }
    ctx.log().failed("a group operation failed", error);
    return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the group operation could not be completed; retry");
  }

  /** The answer to a pull whose page could not be read. Any thread. */
  Frame pullFailed(int requestId, UserKey user, RuntimeException error) {
    if (error instanceof StoreClosedException) {
      return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the server is shutting down; retry elsewhere or later");
    }
    ctx.log().failed("pull of " + user + " failed", error);
    return Replies.error(requestId, ErrorCodes.UNAVAILABLE, "the timeline could not be read; retry");
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
      ctx.log().failed("unexpected error on " + c.channel().remoteAddress(), cause);
      refuseAndClose(c, 0, ErrorCodes.INTERNAL, "internal error");
    }
  }
}
