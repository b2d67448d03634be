package io.parley.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a TCP byte stream into frames prefixed by a varint32 length, refusing any frame longer
 * than the limit before a byte of it is buffered.
 */
public final class VarintLengthFrameDecoder extends ByteToMessageDecoder {
  private final int maxFrameBytes;

  public VarintLengthFrameDecoder(int maxFrameBytes) {
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.isReadable()) {
      int start = in.readerIndex();
      long length = 0;
      int shift = 0;
      boolean complete = false;
      while (in.isReadable()) {
        byte b = in.readByte();
        length |= (long) (b & 0x7f) << shift;
        if (b >= 0) {
          complete = true;
          break;
        }
        shift += 7;
        if (shift >= 35) {
          throw new MalformedFrameException("frame length is not a valid varint32");
        }
      }
      if (!complete) {
        in.readerIndex(start);
        return;
      }
      if (length > maxFrameBytes) {
        in.skipBytes(in.readableBytes());
        throw new FrameTooLargeException(length, maxFrameBytes);
      }
      if (in.readableBytes() < length) {
        in.readerIndex(start);
        return;
      }
      out.add(in.readRetainedSlice((int) length));
    }
  }
}
