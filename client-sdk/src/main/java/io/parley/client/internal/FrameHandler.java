package io.parley.client.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.parley.protocol.v1.Frame;
import java.io.IOException;

/** The last handler of a connection's pipeline: hands frames, readiness and failures to the client. */
final class FrameHandler extends SimpleChannelInboundHandler<Frame> {
  private final ConnectionEvents events;
  private final boolean waitForHandshake;

  FrameHandler(ConnectionEvents events, boolean waitForHandshake) {
    this.events = events;
    this.waitForHandshake = waitForHandshake;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (!waitForHandshake) {
      events.ready();
    }
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      events.ready();
    } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      fail(ctx, new IOException("WebSocket handshake timed out"));
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
    events.frame(frame);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, cause);
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    events.failed(cause);
    ctx.close();
  }
}
