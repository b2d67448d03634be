package io.parley.protocol.codec;

import com.google.protobuf.CodedOutputStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import io.parley.protocol.v1.Frame;
import java.io.IOException;

/** Writes a {@link Frame} as a varint32 length followed by its protobuf bytes, in one buffer. */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToByteEncoder<Frame> {
  public static final FrameEncoder INSTANCE = new FrameEncoder();

  private FrameEncoder() {}

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame msg, boolean preferDirect) {
    int size = msg.getSerializedSize();
    int total = CodedOutputStream.computeUInt32SizeNoTag(size) + size;
    return preferDirect ? ctx.alloc().ioBuffer(total) : ctx.alloc().heapBuffer(total);
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame msg, ByteBuf out) throws IOException {
    writeDelimited(msg, out);
  }

  /** Appends {@code msg} to {@code out} with its varint32 length prefix. */
  public static void writeDelimited(Frame msg, ByteBuf out) throws IOException {
    int size = msg.getSerializedSize();
    int total = CodedOutputStream.computeUInt32SizeNoTag(size) + size;
    out.ensureWritable(total);
    int start = out.writerIndex();
    if (out.nioBufferCount() == 1) {
      // Straight into the buffer's memory: protobuf's NIO encoders beat going through an OutputStream.
      CodedOutputStream cos = CodedOutputStream.newInstance(out.nioBuffer(start, total));
      cos.writeUInt32NoTag(size);
      msg.writeTo(cos);
      cos.checkNoSpaceLeft();
      out.writerIndex(start + total);
      return;
    }
    CodedOutputStream cos = CodedOutputStream.newInstance(new ByteBufOutputStream(out), total);
    cos.writeUInt32NoTag(size);
    msg.writeTo(cos);
    cos.flush();
  }
}
