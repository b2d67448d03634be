package io.parley.server.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.parley.server.gateway.Transport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's port: {@code GET /health} and {@code GET /metrics} (JSON) for anyone who can reach it, and
 * {@code POST} actions (reload, credentials) only with {@code Authorization: Bearer <admin token>}; their parameters
 * come from the query string or a form body. Actions run on the admin's own thread, never on its event loop.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  private final EventLoopGroup group = Transport.group(1);
  private final ExecutorService actions = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "parley-admin");
    t.setDaemon(true);
    return t;
  });
  private final Supplier<String> metricsJson;
  private final byte[] token;
  private final Map<String, AdminAction> posts;
  private Channel channel;

  /**
   * @param token the bearer token POST actions must present
   * @param posts POST actions by path
   */
  public AdminServer(Supplier<String> metricsJson, String token, Map<String, AdminAction> posts) {
    this.metricsJson = metricsJson;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.posts = Map.copyOf(posts);
  }

  public void start(String bind, int port) throws InterruptedException {
    channel = new ServerBootstrap()
        .group(group)
        .channel(Transport.serverChannel())
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(16 * 1024), new Handler());
          }
        })
        .bind(new InetSocketAddress(bind, port)).sync().channel();
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    actions.shutdownNow();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      QueryStringDecoder uri = new QueryStringDecoder(req.uri());
      String path = uri.path();
      if (req.method() == HttpMethod.GET) {
        switch (path) {
          case "/health" -> reply(ctx, AdminResponse.ok("{\"status\":\"UP\"}"));
          case "/metrics" -> reply(ctx, AdminResponse.ok(metricsJson.get()));
          default -> reply(ctx, AdminResponse.error(404, "unknown path; GET /health or /metrics, POST " + posts.keySet()));
        }
        return;
      }
      if (req.method() != HttpMethod.POST) {
        reply(ctx, AdminResponse.error(405, "use GET for /health and /metrics, POST for actions"));
        return;
      }
      AdminAction action = posts.get(path);
      if (action == null) {
        reply(ctx, AdminResponse.error(404, "unknown action; POST one of " + posts.keySet()));
        return;
      }
      if (!authorized(req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
        reply(ctx, AdminResponse.error(401, "POST actions need 'Authorization: Bearer <token>'; the token is in"
            + " <data-dir>/admin.token"));
        return;
      }
      Map<String, List<String>> params = new java.util.HashMap<>(uri.parameters());
      String body = req.content().toString(StandardCharsets.UTF_8);
      if (!body.isEmpty()) { // a form body (application/x-www-form-urlencoded): keeps secrets out of URLs
        new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters().forEach(params::putIfAbsent);
      }
      try {
        actions.execute(() -> reply(ctx, run(action, params)));
      } catch (RejectedExecutionException e) {
        reply(ctx, AdminResponse.error(503, "the server is shutting down"));
      }
    }
  }

  private static AdminResponse run(AdminAction action, Map<String, List<String>> params) {
    try {
      return action.run(params);
    } catch (RuntimeException e) {
      LOG.error("admin action failed", e);
      return AdminResponse.error(500, "the action failed: " + e.getClass().getSimpleName());
    }
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(token, header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(ChannelHandlerContext ctx, AdminResponse r) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()),
        Unpooled.copiedBuffer(r.json(), StandardCharsets.UTF_8));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    // One request per connection: say so, or a pooling client (the JDK's) reuses the closed connection.
    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }
}
