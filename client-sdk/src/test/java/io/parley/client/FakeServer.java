package io.parley.client;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.parley.protocol.codec.FrameDecoder;
import io.parley.protocol.codec.FrameEncoder;
import io.parley.protocol.codec.VarintLengthFrameDecoder;
import io.parley.protocol.codec.WebSocketFrameCodec;
import io.parley.protocol.v1.Frame;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted Parley server on 127.0.0.1 for tests: it speaks the codec, records every frame and lets a {@link FakeScript} answer. */
final class FakeServer implements AutoCloseable {
  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final List<FakeConnection> connections = new CopyOnWriteArrayList<>();
  private final FakeScript script;
  private final Channel serverChannel;

  private FakeServer(FakeScript script, boolean webSocket) throws InterruptedException {
    this.script = script;
    this.serverChannel =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (webSocket) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec())
                          .addLast(new HttpObjectAggregator(64 * 1024))
                          .addLast(new WebSocketServerProtocolHandler("/ws"))
                          .addLast(WebSocketFrameCodec.INSTANCE);
                    } else {
                      ch.pipeline()
                          .addLast(new VarintLengthFrameDecoder(1 << 20))
                          .addLast(FrameDecoder.INSTANCE)
                          .addLast(FrameEncoder.INSTANCE);
                    }
                    ch.pipeline().addLast(new Handler());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  static FakeServer tcp(FakeScript script) throws InterruptedException {
    return new FakeServer(script, false);
  }

  static FakeServer webSocket(FakeScript script) throws InterruptedException {
    return new FakeServer(script, true);
  }

  int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  URI webSocketUri() {
    return URI.create("ws://127.0.0.1:" + port() + "/ws");
  }

  /** Connections in the order they were accepted. */
  List<FakeConnection> connections() {
    return connections;
  }

  /** Every frame received, over all connections, whose body is {@code body}. */
  List<Frame> received(Frame.BodyCase body) {
    return connections.stream()
        .flatMap(c -> c.received().stream())
        .filter(f -> f.getBodyCase() == body)
        .toList();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<Frame> {
    private FakeConnection connection;

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      connection = new FakeConnection(ctx.channel(), connections.size());
      connections.add(connection);
      super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame frame) {
      connection.record(frame);
      script.onFrame(connection, frame);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
