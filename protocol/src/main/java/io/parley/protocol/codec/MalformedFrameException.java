package io.parley.protocol.codec;

import io.netty.handler.codec.DecoderException;

/** Raised when bytes cannot be read as a varint length or a protobuf {@code Frame}. */
public final class MalformedFrameException extends DecoderException {
  public MalformedFrameException(String message) {
    super(message);
  }
}
