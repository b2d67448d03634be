package io.parley.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection: copies each request off its buffer (released here, on the loop), routes it, runs
 * its handler on the executor and writes the answer back on the loop. One request of a connection runs at a time, so
 * that pipelined requests are answered in order; while one runs, the connection stops reading.
 */
final class Dispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger("parley.http");
  static final String BUSY = "the server is too busy to take this request; try again shortly";
  static final String FAILED = "the server failed on this request; its log says why";

  private final Router router;
  private final Executor handlers;
  private final FailureLog failures;
  private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
  private boolean busy;
  /** The last response is written: whatever else arrives is dropped until the connection closes. */
  private boolean closing;

  Dispatcher(Router router, Executor handlers, FailureLog failures) {
    this.router = router;
    this.handlers = handlers;
    this.failures = failures;
  }

  /** A request read and not yet answered: how to answer at the HTTP level, and the request or its ready answer. */
  private record Exchange(HttpVersion version, boolean keepAlive, HttpRequest request, HttpResponse ready) {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (closing) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    Exchange x;
    if (msg instanceof FullHttpRequest req) {
      try {
        x = exchange(ctx, req);
      } finally {
        req.release();
      }
    } else if (msg instanceof BodyLimit.TooLarge t) {
      x = new Exchange(t.version(), false, null, router.errors(new QueryStringDecoder(t.uri()).path())
          .error(413, "the request body is over the limit of " + t.limit() + " bytes"));
    } else {
      ctx.fireChannelRead(msg);
      return;
    }
    if (busy) {
      waiting.add(x);
      ctx.channel().config().setAutoRead(false);
    } else {
      begin(ctx, x);
    }
  }

  private Exchange exchange(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      return new Exchange(req.protocolVersion(), false, null,
          router.errors(pathOf(req.uri())).error(400, "the request is not valid HTTP"));
    }
    return new Exchange(req.protocolVersion(), HttpUtil.isKeepAlive(req), HttpRequest.copyOf(req, ctx.channel().remoteAddress()),
        null);
  }

  /** The path of a request line that may be garbage ("/" when it cannot be read), to pick the error format. */
  private static String pathOf(String uri) {
    try {
      return new QueryStringDecoder(uri).path();
    } catch (IllegalArgumentException unreadable) {
      return "/";
    }
  }

  private void begin(ChannelHandlerContext ctx, Exchange x) {
    busy = true;
    if (x.ready != null) {
      answer(ctx, x, x.ready);
      return;
    }
    Router.Match match = router.match(x.request.method(), x.request.path());
    if (match.refusal() != null) {
      answer(ctx, x, match.refusal());
      return;
    }
    try {
      handlers.execute(() -> {
        HttpResponse response = run(match.handler(), x.request);
        try {
          ctx.executor().execute(() -> answer(ctx, x, response));
        } catch (RejectedExecutionException loopShutDown) {
          // the server is closing: the connection goes with it
        }
      });
    } catch (RejectedExecutionException full) {
      answer(ctx, x, router.errors(x.request.path()).error(503, BUSY));
    }
  }

  private HttpResponse run(HttpHandler handler, HttpRequest request) {
    try {
      HttpResponse response = handler.handle(request);
      if (response == null) {
        throw new NullPointerException("the handler returned no response");
      }
      return response;
    } catch (BadJsonException e) {
      return router.errors(request.path()).error(400, e.getMessage());
    } catch (Throwable e) {
      failures.failed(request, e);
      return router.errors(request.path()).error(500, FAILED);
    }
  }

  private void answer(ChannelHandlerContext ctx, Exchange x, HttpResponse r) {
    FullHttpResponse res = new DefaultFullHttpResponse(x.version, HttpResponseStatus.valueOf(r.status()),
        Unpooled.wrappedBuffer(r.body()));
    r.headers().forEach(res.headers()::set);
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
    HttpUtil.setContentLength(res, r.body().length);
    if (!x.keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      waiting.clear();
      closing = true;
      LingeringClose.write(ctx, res);
      return;
    }
    if (!x.version.isKeepAliveDefault()) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    ctx.writeAndFlush(res);
    busy = false;
    Exchange next = waiting.poll();
    if (next != null) {
      begin(ctx, next);
    } else {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      if (!busy) {
        ctx.close(); // an idle keep-alive connection: nothing is lost
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    waiting.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // resets, TLS handshakes that fail, garbage: the peer's problem, not worth more than a debug line
    LOG.debug("closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
