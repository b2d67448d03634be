package io.parley.protocol.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.parley.protocol.v1.Frame;
import java.io.IOException;
import java.util.List;

/** Parses one length-delimited buffer into a protobuf {@link Frame}. */
@ChannelHandler.Sharable
public final class FrameDecoder extends MessageToMessageDecoder<ByteBuf> {
  public static final FrameDecoder INSTANCE = new FrameDecoder();

  private FrameDecoder() {}

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
    out.add(parse(msg));
  }

  /** Parses a whole buffer as a Frame, or throws {@link MalformedFrameException}. */
  public static Frame parse(ByteBuf msg) {
    try {
      if (msg.hasArray()) {
        return Frame.parseFrom(
            java.nio.ByteBuffer.wrap(msg.array(), msg.arrayOffset() + msg.readerIndex(), msg.readableBytes()));
      }
      if (msg.nioBufferCount() == 1) {
        // A direct buffer is parsed in place (protobuf copies what it keeps), without an InputStream per frame.
        return Frame.parseFrom(msg.nioBuffer());
      }
      return Frame.parseFrom(new ByteBufInputStream(msg));
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedFrameException("frame is not a valid protobuf Frame");
    } catch (IOException e) {
      throw new MalformedFrameException("frame could not be read");
    }
  }
}
