package io.parley.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Send;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TCP frame codec: varint32 length, then the protobuf Frame")
class FrameCodecTest {
  private static Frame send(int requestId, int bodyBytes) {
    byte[] body = new byte[bodyBytes];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) (i * 31 + requestId);
    }
    return Frame.newBuilder().setRequestId(requestId).setSend(Send.newBuilder()
        .setClientMsgId("m-" + requestId).setToUserId("bob 鲍勃").setContentType("text")
        .setContent(ByteString.copyFrom(body))).build();
  }

  private static byte[] delimited(Frame frame) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    frame.writeDelimitedTo(out);
    return out.toByteArray();
  }

  @Test
  @DisplayName("writes exactly protobuf's own length-delimited bytes, into direct, heap and composite buffers")
  void writesDelimitedBytes() throws Exception {
    List<IntFunction<ByteBuf>> buffers = List.of(
        n -> ByteBufAllocator.DEFAULT.directBuffer(n),
        n -> Unpooled.buffer(n),
        n -> Unpooled.compositeBuffer()
            .addComponent(true, Unpooled.directBuffer(8).writeBytes(new byte[] {1, 2, 3}))
            .addComponent(true, Unpooled.directBuffer(n)));
    for (int bodyBytes : new int[] {0, 100, 127, 128, 20_000}) {
      Frame frame = send(bodyBytes, bodyBytes);
      for (IntFunction<ByteBuf> make : buffers) {
        ByteBuf out = make.apply(16);
        int before = out.readableBytes();
        FrameEncoder.writeDelimited(frame, out);
        byte[] written = new byte[out.readableBytes() - before];
        out.getBytes(out.readerIndex() + before, written);
        assertArrayEquals(delimited(frame), written, bodyBytes + " bytes into " + out.getClass().getSimpleName());
        out.release();
      }
    }
  }

  @Test
  @DisplayName("frames survive a round trip through a pipeline, whole or split into single bytes")
  void roundTrip() {
    List<Frame> frames = List.of(send(1, 0), send(2, 100), send(3, 5_000));
    EmbeddedChannel writer = new EmbeddedChannel(FrameEncoder.INSTANCE);
    frames.forEach(writer::writeOutbound);
    CompositeByteBuf wire = Unpooled.compositeBuffer(Integer.MAX_VALUE);
    for (ByteBuf b; (b = writer.readOutbound()) != null; ) {
      wire.addComponent(true, b);
    }

    EmbeddedChannel whole = new EmbeddedChannel(new VarintLengthFrameDecoder(64 * 1024), FrameDecoder.INSTANCE);
    whole.writeInbound(Unpooled.directBuffer().writeBytes(wire.duplicate()));
    assertEquals(frames, drain(whole));

    EmbeddedChannel trickle = new EmbeddedChannel(new VarintLengthFrameDecoder(64 * 1024), FrameDecoder.INSTANCE);
    while (wire.isReadable()) {
      trickle.writeInbound(Unpooled.directBuffer(1).writeByte(wire.readByte()));
    }
    assertEquals(frames, drain(trickle));
    wire.release();
  }

  @Test
  @DisplayName("a body that is not a Frame is refused as malformed, from direct and heap buffers alike")
  void refusesGarbage() {
    byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertThrows(MalformedFrameException.class, () -> FrameDecoder.parse(Unpooled.directBuffer().writeBytes(garbage)));
    assertThrows(MalformedFrameException.class, () -> FrameDecoder.parse(Unpooled.wrappedBuffer(garbage)));
  }

  @Test
  @DisplayName("a length prefix over the limit is refused before the body arrives")
  void refusesOversize() throws Exception {
    EmbeddedChannel in = new EmbeddedChannel(new VarintLengthFrameDecoder(1_000), FrameDecoder.INSTANCE);
    byte[] big = delimited(send(9, 2_000));
    ByteBuf head = Unpooled.directBuffer().writeBytes(big, 0, 4);
    assertThrows(FrameTooLargeException.class, () -> in.writeInbound(head));
  }

  private static List<Frame> drain(EmbeddedChannel channel) {
    List<Frame> out = new ArrayList<>();
    for (Frame f; (f = channel.readInbound()) != null; ) {
      out.add(f);
    }
    return out;
  }
}
