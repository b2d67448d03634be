package io.parley.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * Writes a connection's last response and closes it so that the peer can read that response even while it is still
 * sending (a body over the limit): closing a socket with unread input makes the kernel send a reset, which can destroy
 * the response before the peer reads it. So the output is shut after the response and the input is read (and
 * dropped) until the peer closes, for at most {@value #LINGER_MS} ms. Over TLS the close is immediate (with its
 * close_notify).
 */
final class LingeringClose {
  static final long LINGER_MS = 2_000;

  private LingeringClose() {}

  /** Writes {@code response} past the keep-alive handler (which would close at once), then lingers and closes. */
  static void write(ChannelHandlerContext ctx, FullHttpResponse response) {
    Channel ch = ctx.channel();
    // written from the keep-alive handler's place: the encoder gets it, the keep-alive handler does not close at once
    ChannelHandlerContext keepAlive = ctx.pipeline().context(HttpServerKeepAliveHandler.class);
    (keepAlive != null ? keepAlive : ctx).writeAndFlush(response).addListener(written -> {
      if (!written.isSuccess() || !(ch instanceof DuplexChannel duplex) || ch.pipeline().get(SslHandler.class) != null) {
        ch.close();
        return;
      }
      duplex.shutdownOutput();
      ch.config().setAutoRead(true);
      ch.eventLoop().schedule(() -> ch.close(), LINGER_MS, TimeUnit.MILLISECONDS);
    });
  }
}
