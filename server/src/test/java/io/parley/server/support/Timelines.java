package io.parley.server.support;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Send;
import java.io.IOException;

/** Fills timelines through the real protocol: one sender pipelining sends, a window at a time. */
public final class Timelines {
  private Timelines() {}

  /** Sends {@code count} messages of {@code bodyBytes} each from {@code from} to {@code to}; returns when all are stored. */
  public static void fill(int port, String from, String to, int count, int bodyBytes) throws IOException {
    try (RawConnection c = new RawConnection(port)) {
      if (!c.login(RawConnection.login(from).setDeviceId("filler-" + from)).hasLoginResult()) {
        throw new IllegalStateException("the filler could not log in");
      }
      ByteString body = ByteString.copyFrom(new byte[bodyBytes]);
      int window = 50;
      int answered = 0;
      for (int i = 0; i < count; i++) {
        c.send(Frame.newBuilder().setRequestId(1_000_000 + i).setSend(Send.newBuilder()
            .setClientMsgId("fill-" + from + "-" + to + "-" + i).setToUserId(to).setContentType("bin")
            .setContent(body)).build());
        while (i + 1 - answered >= window) {
          answered += answers(c.read());
        }
      }
      while (answered < count) {
        answered += answers(c.read());
      }
    }
  }

  private static int answers(Frame f) {
    if (f.hasError()) {
      throw new IllegalStateException("a fill send was refused: " + f.getError());
    }
    return f.hasSendResult() ? 1 : 0;
  }
}
