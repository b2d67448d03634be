package io.parley.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback TCP proxy to one address that can cut every link it carries at once and keeps accepting; it counts the
 * bytes it carries from the upstream server to its clients.
 */
final class CutProxy implements AutoCloseable {
  private final LongAdder toClients = new LongAdder();
  private final EventLoopGroup group;
  private final ChannelGroup links = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Channel server;
  private final InetSocketAddress upstream;

  CutProxy(String upstreamHost, int upstreamPort) throws InterruptedException {
    boolean epoll = Relay.epoll();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), io);
    upstream = new InetSocketAddress(upstreamHost, upstreamPort);
    server = new ServerBootstrap().group(group)
        .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 8192)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.AUTO_READ, false)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new Front());
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Bytes carried from the upstream server to the clients so far. */
  long bytesToClients() {
    return toClients.sum();
  }

  /** Closes every client and upstream socket now; new connections are accepted as before. */
  int cutAll() {
    int n = links.size();
    links.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
    return n;
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    links.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  /** The accepted side: opens the upstream link, then pipes both ways with back-pressure. */
  private final class Front extends ChannelInboundHandlerAdapter {
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      Channel front = ctx.channel();
      links.add(front);
      new Bootstrap().group(front.eventLoop())
          .channel(Relay.epoll() ? EpollSocketChannel.class : NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.AUTO_READ, false)
          .handler(new Pipe(front, toClients))
          .connect(upstream).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess() && !front.isActive()) {
              f.channel().close();
            } else if (f.isSuccess()) {
              links.add(f.channel());
              front.pipeline().addLast(new Pipe(f.channel(), null));
              front.pipeline().remove(this);
              front.read();
              f.channel().read();
            } else {
              front.close();
            }
          });
    }
  }

  /** Forwards what one side reads to the other, reading more once the write has gone out; counts it when asked to. */
  private static final class Pipe extends ChannelInboundHandlerAdapter {
    private final Channel peer;
    private final LongAdder counted;

    Pipe(Channel peer, LongAdder counted) {
      this.peer = peer;
      this.counted = counted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (counted != null && msg instanceof ByteBuf) {
        counted.add(((ByteBuf) msg).readableBytes());
      }
      peer.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
        if (f.isSuccess()) {
          ctx.channel().read();
        } else {
          f.channel().close();
          ctx.channel().close();
        }
      });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (peer.isActive()) {
        peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.channel().close();
    }
  }
}
