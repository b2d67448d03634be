package io.parley.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Pong;
import io.parley.server.config.ServerConfig;

/**
 * The heartbeat of a logged-in connection: every frame counts as traffic for the idle deadline, and a Ping is
 * answered with a Pong here while every other frame goes on to the {@link SessionHandler}. The deadline starts from
 * the announced maximum interval and then follows the interval each Ping states (interval × 2 + grace), so a client
 * that lengthens its interval is not cut off. The {@link LoginHandler} adds it in front of the session handler and
 * hands it the connection's idle watch.
 */
final class HeartbeatHandler extends ChannelInboundHandlerAdapter {
  private final ServerConfig.Heartbeat heartbeat;
  private final IdleWatchdog.Watch idle;
  private final Refusals refusals;

  HeartbeatHandler(ServerConfig.Heartbeat heartbeat, IdleWatchdog.Watch idle, Refusals refusals) {
    this.heartbeat = heartbeat;
    this.idle = idle;
    this.refusals = refusals;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext c) {
    idle.deadline(heartbeat.idleDeadlineMs(heartbeat.maxMs()));
  }

  @Override
  public void channelRead(ChannelHandlerContext c, Object msg) {
    if (msg instanceof Frame frame) {
      idle.touch();
      if (frame.getBodyCase() == Frame.BodyCase.PING) {
        ping(c, frame);
        return;
      }
    }
    c.fireChannelRead(msg);
  }

  private void ping(ChannelHandlerContext c, Frame frame) {
    if (frame.getRequestId() == 0) {
      refusals.refuse(c, 0, ErrorCodes.BAD_REQUEST, "ping needs a non-zero request_id to be answered");
      return;
    }
    int intervalMs = frame.getPing().getIntervalMs();
    int interval = intervalMs < 0 ? Integer.MAX_VALUE : intervalMs; // unsigned on the wire; the range clamps it
    idle.deadline(heartbeat.idleDeadlineMs(interval));
    c.writeAndFlush(Frame.newBuilder().setRequestId(frame.getRequestId())
        .setPong(Pong.newBuilder().setServerTimeMs(System.currentTimeMillis())).build(), c.voidPromise());
  }

  @Override
  public void channelInactive(ChannelHandlerContext c) {
    idle.cancel();
    c.fireChannelInactive();
  }
}
