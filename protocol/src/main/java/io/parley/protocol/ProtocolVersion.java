package io.parley.protocol;

/** The version of the client protocol ({@code parley/v1/frame.proto}) this build speaks. */
public final class ProtocolVersion {
  private ProtocolVersion() {}

  /** Sent in {@code Login.protocol_version}; a server refuses any other value. */
  public static final int CURRENT = 1;
}
