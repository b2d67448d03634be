package io.parley.bench.jmh;

import com.google.protobuf.ByteString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.parley.protocol.codec.FrameDecoder;
import io.parley.protocol.codec.FrameEncoder;
import io.parley.protocol.codec.VarintLengthFrameDecoder;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.TimelineEntry;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Cost of writing and reading the two hot frames: a Send with a 100-byte body and a Push of 10 entries. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameCodecBenchmark {
  static final int MAX_FRAME_BYTES = 1 << 20;

  private Frame send;
  private Frame push;
  /** Length-prefixed bytes as they arrive on TCP. */
  private ByteBuf sendWire;
  private ByteBuf pushWire;
  /** The same bytes without the length prefix. */
  private ByteBuf sendBody;
  private ByteBuf pushBody;
  /** Reused output buffer: the encode figures leave allocation out. */
  private ByteBuf out;
  /** The TCP inbound pipeline: split on the varint length, then parse. */
  private EmbeddedChannel inbound;

  @Setup
  public void setUp() throws IOException {
    send = Frame.newBuilder().setRequestId(42).setSend(Send.newBuilder()
        .setClientMsgId("c-0123456789abcdef").setToUserId("bob").setContentType("text")
        .setContent(ByteString.copyFrom(body(100)))).build();
    Push.Builder p = Push.newBuilder().setNewestSeq(1010);
    for (int i = 0; i < 10; i++) {
      p.addEntries(TimelineEntry.newBuilder().setSeq(1001 + i).setMessage(Message.newBuilder()
          .setServerMsgId(7_000_000_000L + i).setClientMsgId("c-" + i).setFromUserId("alice")
          .setToUserId("bob").setServerTimeMs(1_700_000_000_000L + i).setContentType("text")
          .setContent(ByteString.copyFrom(body(100))).setFromDeviceId("phone")));
    }
    push = Frame.newBuilder().setPush(p).build();
    sendWire = wire(send);
    pushWire = wire(push);
    sendBody = Unpooled.wrappedBuffer(send.toByteArray());
    pushBody = Unpooled.wrappedBuffer(push.toByteArray());
    out = Unpooled.buffer(8192);
    inbound = new EmbeddedChannel(new VarintLengthFrameDecoder(MAX_FRAME_BYTES), FrameDecoder.INSTANCE);
  }

  @TearDown
  public void tearDown() {
    inbound.finishAndReleaseAll();
    sendWire.release();
    pushWire.release();
    sendBody.release();
    pushBody.release();
    out.release();
  }

  @Benchmark
  public int encodeSend() throws IOException {
    return encode(send);
  }

  @Benchmark
  public int encodePush() throws IOException {
    return encode(push);
  }

  /** Decodes through VarintLengthFrameDecoder and FrameDecoder in an EmbeddedChannel. */
  @Benchmark
  public Frame decodeSend() {
    return decode(sendWire);
  }

  @Benchmark
  public Frame decodePush() {
    return decode(pushWire);
  }

  /** FrameDecoder.parse alone, on the bytes after the length prefix: the protobuf share of decodeSend. */
  @Benchmark
  public Frame parseSend() {
    return FrameDecoder.parse(sendBody);
  }

  @Benchmark
  public Frame parsePush() {
    return FrameDecoder.parse(pushBody);
  }

  private int encode(Frame frame) throws IOException {
    out.clear();
    FrameEncoder.writeDelimited(frame, out);
    return out.writerIndex();
  }

  private Frame decode(ByteBuf wire) {
    inbound.writeInbound(wire.retainedDuplicate());
    return inbound.readInbound();
  }

  private static ByteBuf wire(Frame frame) throws IOException {
    ByteBuf buf = Unpooled.buffer();
    FrameEncoder.writeDelimited(frame, buf);
    return buf;
  }

  private static byte[] body(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }
}
