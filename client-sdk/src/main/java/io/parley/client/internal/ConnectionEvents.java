package io.parley.client.internal;

import io.parley.protocol.v1.Frame;

/** What one connection's pipeline reports to the client that owns it; called on the channel's event loop. */
interface ConnectionEvents {
  /** The transport can carry frames (TCP connected, or WebSocket handshake done). */
  void ready();

  /** A frame arrived. */
  void frame(Frame frame);

  /** The pipeline failed; the connection is about to be closed. */
  void failed(Throwable cause);
}
