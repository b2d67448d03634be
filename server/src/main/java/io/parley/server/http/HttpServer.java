package io.parley.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.parley.server.gateway.Transport;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 listener: optional TLS, the codec, keep-alive (HTTP/1.0 and {@code Connection: close} honoured), the
 * body limit, then the dispatcher, which runs the router's handlers on the given executor and never on the loop.
 * Connections idle for a minute with no request in flight are closed.
 */
public final class HttpServer implements AutoCloseable {
  private static final int IDLE_SECONDS = 60;

  private final EventLoopGroup group = Transport.group(1);
  private final Router router;
  private final Executor handlers;
  private final int maxBodyBytes;
  private final Optional<SslContext> tls;
  private final FailureLog failures = new FailureLog();
  private Channel channel;

  /**
   * @param handlers a bounded executor ({@link HandlerPool}); when it refuses a request, the request gets a 503
   * @param maxBodyBytes a larger body gets a 413 and the connection is closed
   * @param tls when present, connections are TLS ({@code SslHandler} first in the pipeline)
   */
  public HttpServer(Router router, Executor handlers, int maxBodyBytes, Optional<SslContext> tls) {
    this.router = router;
    this.handlers = handlers;
    this.maxBodyBytes = maxBodyBytes;
    this.tls = tls;
  }

  /** Binds {@code bind:port} (0 picks a free port); returns once it listens. */
  public HttpServer start(String bind, int port) throws InterruptedException {
    channel = new ServerBootstrap()
        .group(group)
        .channel(Transport.serverChannel())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ChannelPipeline p = ch.pipeline();
            tls.ifPresent(context -> p.addLast(context.newHandler(ch.alloc())));
            p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS), new HttpServerCodec(),
                new HttpServerKeepAliveHandler(), new BodyLimit(maxBodyBytes), new Dispatcher(router, handlers, failures));
          }
        })
        .bind(new InetSocketAddress(bind, port)).sync().channel();
    return this;
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops listening and closes every connection; the executor is its owner's to shut down. */
  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
