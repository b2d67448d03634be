package io.parley.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.parley.protocol.codec.FrameDecoder;
import io.parley.protocol.codec.FrameEncoder;
import io.parley.protocol.codec.VarintLengthFrameDecoder;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The machine's ceiling: a raw Netty relay on Parley's TCP framing, with no auth, store or timelines. */
public final class Relay implements AutoCloseable {
  /** Same frame limit as the server's default. */
  static final int MAX_FRAME_BYTES = 1 << 20;

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final RelayState state = new RelayState();
  private final Channel channel;

  private Relay(String bind, int port) throws InterruptedException {
    IoHandlerFactory io = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    boss = new MultiThreadIoEventLoopGroup(1, io);
    workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
    Class<? extends ServerChannel> type = epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    try {
      channel = new ServerBootstrap()
          .group(boss, workers)
          .channel(type)
          .option(ChannelOption.SO_BACKLOG, 8192)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ChannelPipeline p = ch.pipeline();
              p.addLast("flush", new FlushConsolidationHandler(256, true));
              p.addLast("length", new VarintLengthFrameDecoder(MAX_FRAME_BYTES));
              p.addLast("decode", FrameDecoder.INSTANCE);
              p.addLast("encode", FrameEncoder.INSTANCE);
              p.addLast("relay", new RelayHandler(state));
            }
          })
          .bind(new InetSocketAddress(bind, port)).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      shutdown();
      throw e;
    }
  }

  /** Binds a relay on {@code bind:port} (port 0: a free one) and returns once it accepts connections. */
  public static Relay start(String bind, int port) throws InterruptedException {
    return new Relay(bind, port);
  }

  static boolean epoll() {
    return Epoll.isAvailable();
  }

  /** The port actually bound. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    shutdown();
  }

  private void shutdown() {
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
