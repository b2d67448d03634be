package io.parley.protocol.codec;

import io.netty.handler.codec.DecoderException;

/** Raised when a peer announces a frame longer than the configured limit. */
public final class FrameTooLargeException extends DecoderException {
  public FrameTooLargeException(long length, int limit) {
    super("frame of " + length + " bytes exceeds the limit of " + limit + " bytes");
  }
}
