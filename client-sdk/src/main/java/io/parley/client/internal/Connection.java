package io.parley.client.internal;

import io.netty.channel.Channel;
import io.parley.protocol.v1.Frame;

/**
 * One connection attempt and, once logged in, one session: its channel, its request ids, and the state the client's
 * parts keep per session. Confined to the client's event loop; a part acts on a connection only while it is the
 * client's current one.
 */
final class Connection implements ConnectionEvents {
  /** Hears what this connection's pipeline reports, with the connection it came from. */
  interface Owner {
    /** The transport can carry frames: send the Login. */
    void ready(Connection c);

    /** A frame arrived on {@code c}. */
    void frame(Connection c, Frame frame);
  }

  private final Owner owner;
  private int nextRequestId = 1;

  Channel channel;
  HeartbeatHandler heartbeatHandler;
  String credential;
  int loginRequestId;
  boolean loggedIn;
  /** The client closed it (or will: a refusal or kick); its loss says nothing about the network. */
  boolean localClose;
  /** Do not reconnect after it ends. */
  boolean stopAfter;
  boolean ended;
  /** The first failure seen, reported as the cause of the disconnect. */
  Throwable cause;

  // Timeline sync: the Pull in flight (0 for none), whether another is wanted after it, the seq acked on it.
  int pullRequestId;
  boolean pullAgain;
  long lastAckSent;

  Connection(Owner owner) {
    this.owner = owner;
  }

  /** The next request id of this connection; never 0, which means "no request". */
  int nextRequestId() {
    int id = nextRequestId++;
    if (nextRequestId == 0) {
      nextRequestId = 1;
    }
    return id;
  }

  @Override
  public void ready() {
    owner.ready(this);
  }

  @Override
  public void frame(Frame frame) {
    owner.frame(this, frame);
  }

  @Override
  public void failed(Throwable t) {
    if (cause == null) {
      cause = t;
    }
  }
}
