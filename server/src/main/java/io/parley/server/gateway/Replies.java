package io.parley.server.gateway;

import io.parley.protocol.v1.Error;
import io.parley.protocol.v1.Frame;

/** Builders for the frames the gateway answers with. */
final class Replies {
  private Replies() {}

  static Frame error(int requestId, int code, String message) {
    return Frame.newBuilder()
        .setRequestId(requestId)
        .setError(Error.newBuilder().setCode(code).setMessage(message))
        .build();
  }
}
