package io.parley.server.session;

import io.netty.channel.Channel;
import io.netty.channel.socket.DuplexChannel;
import io.parley.protocol.v1.Frame;
import java.util.concurrent.TimeUnit;

/**
 * Writes a last frame (a Kick or a closing Error) and ends the connection without losing it: once the frame is
 * written the output is shut down (the peer reads it, then end of stream), and the connection is closed after a
 * short linger. Closing at once would reset a connection whose peer sent requests the server never read, and a reset
 * makes the peer's TCP stack drop what it had not read yet, the farewell included. A peer that does not read at all
 * is closed at the same deadline. Stops reading requests. Call on the channel's loop.
 */
public final class Farewell {
  /** How long the peer has to read a farewell (and anything queued before it) before the connection is closed. */
  static final long LINGER_MS = 1_000;

  private Farewell() {}

  public static void send(Channel channel, Frame last) {
    channel.config().setAutoRead(false);
    channel.writeAndFlush(last).addListener(written -> {
      if (written.isSuccess() && channel instanceof DuplexChannel duplex) {
        duplex.shutdownOutput();
      } else {
        channel.close();
      }
    });
    channel.eventLoop().schedule(() -> channel.close(), LINGER_MS, TimeUnit.MILLISECONDS);
  }
}
