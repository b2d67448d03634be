package io.parley.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The aggregator with the body limit. A request over it, by its Content-Length or by what arrived, goes on to the
 * dispatcher as a {@link TooLarge} instead of Netty's empty 413, so that it is answered in its face's error format
 * and in request order.
 */
final class BodyLimit extends HttpObjectAggregator {
  /** The request whose body was over the limit (its body already dropped). */
  record TooLarge(HttpVersion version, String uri, int limit) {}

  BodyLimit(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    // "Expect: 100-continue" with a Content-Length over the limit: the same 413 as without the Expect
    return isContentLengthInvalid(start, maxContentLength) ? null : super.newContinueResponse(start, maxContentLength, pipeline);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
    if (oversized instanceof HttpRequest request) {
      ctx.fireChannelRead(new TooLarge(request.protocolVersion(), request.uri(), maxContentLength()));
    } else {
      super.handleOversizedMessage(ctx, oversized);
    }
  }
}
