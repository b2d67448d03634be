package io.parley.server.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.parley.protocol.codec.FrameDecoder;
import io.parley.protocol.codec.FrameEncoder;
import io.parley.protocol.codec.VarintLengthFrameDecoder;
import io.parley.protocol.codec.WebSocketFrameCodec;
import java.net.InetSocketAddress;

/** The client-facing listeners: TCP (varint32 + protobuf) and WebSocket (one binary message per frame at /ws). */
public final class Gateway implements AutoCloseable {
  public static final String WS_PATH = "/ws";

  private final GatewayContext ctx;
  private final Refusals refusals;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  /** Every open client connection (closed ones leave by themselves). */
  private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private Channel tcp;
  private Channel ws;

  public Gateway(GatewayContext ctx) {
    this.ctx = ctx;
    this.refusals = new Refusals(ctx);
    this.boss = Transport.group(1);
    this.workers = Transport.group(Runtime.getRuntime().availableProcessors());
  }

  /** Binds both listeners; returns once they accept connections. */
  public void start() throws InterruptedException {
    String bind = ctx.config().bind();
    tcp = bootstrap(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast("flush", new FlushConsolidationHandler(256, true));
        p.addLast("length", new VarintLengthFrameDecoder(ctx.config().limits().maxFrameBytes()));
        p.addLast("decode", FrameDecoder.INSTANCE);
        p.addLast("encode", FrameEncoder.INSTANCE);
        p.addLast("pace", new FlowControlHandler());
        p.addLast("login", new LoginHandler(ctx, refusals)); // replaces itself with "heartbeat" + "session"
        p.addLast("errors", refusals);
      }
    }).bind(new InetSocketAddress(bind, ctx.config().ports().tcp())).sync().channel();

    int maxFrame = ctx.config().limits().maxFrameBytes();
    WebSocketServerProtocolConfig wsConfig = WebSocketServerProtocolConfig.newBuilder()
        .websocketPath(WS_PATH)
        .maxFramePayloadLength(maxFrame)
        .handleCloseFrames(true)
        .build();
    ws = bootstrap(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        ChannelPipeline p = ch.pipeline();
        p.addLast("flush", new FlushConsolidationHandler(256, true));
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregate", new HttpObjectAggregator(8192));
        p.addLast("ws", new WebSocketServerProtocolHandler(wsConfig));
        p.addLast("ws-aggregate", new WebSocketFrameAggregator(maxFrame));
        p.addLast("frames", WebSocketFrameCodec.INSTANCE);
        p.addLast("pace", new FlowControlHandler());
        p.addLast("login", new LoginHandler(ctx, refusals)); // replaces itself with "heartbeat" + "session"
        p.addLast("errors", refusals);
      }
    }).bind(new InetSocketAddress(bind, ctx.config().ports().ws())).sync().channel();
  }

  private ServerBootstrap bootstrap(ChannelInitializer<SocketChannel> init) {
    return new ServerBootstrap()
        .group(boss, workers)
        .channel(Transport.serverChannel())
        .option(ChannelOption.SO_BACKLOG, 8192)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 128 * 1024))
        .childHandler(init);
  }

  /** Bytes written to client connections and not yet taken by their sockets, over all connections. */
  public long queuedOutputBytes() {
    long total = 0;
    for (Channel ch : clients) {
      ChannelOutboundBuffer out = ch.unsafe().outboundBuffer();
      if (out != null) {
        total += out.totalPendingWriteBytes();
      }
    }
    return total;
  }

  public int tcpPort() {
    return ((InetSocketAddress) tcp.localAddress()).getPort();
  }

  public int wsPort() {
    return ((InetSocketAddress) ws.localAddress()).getPort();
  }

  /** Stops accepting, closes every connection and waits for the loops to finish. */
  @Override
  public void close() {
    if (tcp != null) {
      tcp.close().syncUninterruptibly();
    }
    if (ws != null) {
      ws.close().syncUninterruptibly();
    }
    boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
