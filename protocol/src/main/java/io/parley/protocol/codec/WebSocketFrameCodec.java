package io.parley.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.parley.protocol.v1.Frame;
import java.util.List;

/** Maps one binary WebSocket message to one {@link Frame} and back; text messages are malformed. */
@ChannelHandler.Sharable
public final class WebSocketFrameCodec extends MessageToMessageCodec<WebSocketFrame, Frame> {
  public static final WebSocketFrameCodec INSTANCE = new WebSocketFrameCodec();

  private WebSocketFrameCodec() {}

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame msg, List<Object> out) {
    byte[] bytes = msg.toByteArray();
    ByteBuf buf = ctx.alloc().ioBuffer(bytes.length);
    buf.writeBytes(bytes);
    out.add(new BinaryWebSocketFrame(buf));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, WebSocketFrame msg, List<Object> out) {
    if (!(msg instanceof BinaryWebSocketFrame)) {
      throw new MalformedFrameException("only binary WebSocket messages carry frames");
    }
    out.add(FrameDecoder.parse(msg.content()));
  }
}
