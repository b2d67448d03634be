package io.parley.client.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.parley.protocol.codec.FrameDecoder;
import io.parley.protocol.codec.FrameEncoder;
import io.parley.protocol.codec.VarintLengthFrameDecoder;
import io.parley.protocol.codec.WebSocketFrameCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * How a client reaches the server: TCP with varint32-length framing, or a WebSocket carrying one
 * binary message per frame. It builds the codec part of the pipeline; the caller adds its handlers.
 */
public final class Transport {
  /** Largest frame the client accepts from the server. */
  static final int MAX_INBOUND_FRAME_BYTES = 16 * 1024 * 1024;
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final String host;
  private final int port;
  private final URI webSocketUri;

  private Transport(String host, int port, URI webSocketUri) {
    this.host = host;
    this.port = port;
    this.webSocketUri = webSocketUri;
  }

  /** A raw TCP transport. */
  public static Transport tcp(String host, int port) {
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("host is required");
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    return new Transport(host, port, null);
  }

  /** A WebSocket transport to a {@code ws://host:port/path} URI. */
  public static Transport webSocket(URI uri) {
    if (uri == null || !"ws".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("expected a ws://host[:port]/path URI, got " + uri);
    }
    return new Transport(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort(), uri);
  }

  boolean isWebSocket() {
    return webSocketUri != null;
  }

  /** Resolves the server's address; may block on DNS, so it is never called on an event loop. */
  InetSocketAddress resolve() throws UnknownHostException {
    return new InetSocketAddress(InetAddress.getByName(host), port);
  }

  /** Opens a channel on {@code loop}; {@code handlers} follow the codec in the pipeline. */
  ChannelFuture connect(EventLoop loop, InetSocketAddress remote, InetAddress local, ChannelHandler... handlers) {
    Bootstrap bootstrap =
        new Bootstrap()
            .group(loop)
            .channel(socketChannelClass(loop))
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (isWebSocket()) {
                      p.addLast(new HttpClientCodec());
                      p.addLast(new HttpObjectAggregator(64 * 1024));
                      p.addLast(
                          new WebSocketClientProtocolHandler(
                              WebSocketClientProtocolConfig.newBuilder()
                                  .webSocketUri(webSocketUri)
                                  .version(WebSocketVersion.V13)
                                  .maxFramePayloadLength(MAX_INBOUND_FRAME_BYTES)
                                  .build()));
                      p.addLast(WebSocketFrameCodec.INSTANCE);
                    } else {
                      p.addLast(new VarintLengthFrameDecoder(MAX_INBOUND_FRAME_BYTES));
                      p.addLast(FrameDecoder.INSTANCE);
                      p.addLast(FrameEncoder.INSTANCE);
                    }
                    p.addLast(handlers);
                  }
                });
    if (local == null) {
      return bootstrap.connect(remote);
    }
    if (socketChannelClass(loop) == EpollSocketChannel.class) {
      // Let connect() pick the source port, not bind(): it sees the whole 4-tuple, so many clients on one
      // source address do not run out of ports while earlier connections sit in TIME_WAIT.
      bootstrap.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
    }
    return bootstrap.connect(remote, new InetSocketAddress(local, 0));
  }

  private static Class<? extends Channel> socketChannelClass(EventLoop loop) {
    if (loop instanceof IoEventLoop io && Epoll.isAvailable() && io.isIoType(EpollIoHandler.class)) {
      return EpollSocketChannel.class;
    }
    return NioSocketChannel.class;
  }

  @Override
  public String toString() {
    return isWebSocket() ? webSocketUri.toString() : "tcp://" + host + ":" + port;
  }
}
