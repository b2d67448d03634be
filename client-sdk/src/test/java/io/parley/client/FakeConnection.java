package io.parley.client;

import io.netty.channel.Channel;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Login;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One client connection as the fake server sees it: what it received, and a way to answer or hang up. */
final class FakeConnection {
  private final Channel channel;
  private final int index;
  private final List<Frame> received = new CopyOnWriteArrayList<>();
  private volatile Login login;

  FakeConnection(Channel channel, int index) {
    this.channel = channel;
    this.index = index;
  }

  /** 0 for the first connection the server accepted, 1 for the next, … */
  int index() {
    return index;
  }

  /** The address the client connected from. */
  InetSocketAddress remoteAddress() {
    return (InetSocketAddress) channel.remoteAddress();
  }

  Login login() {
    return login;
  }

  List<Frame> received() {
    return received;
  }

  List<Frame> received(Frame.BodyCase body) {
    return received.stream().filter(f -> f.getBodyCase() == body).toList();
  }

  void record(Frame frame) {
    if (frame.hasLogin()) {
      login = frame.getLogin();
    }
    received.add(frame);
  }

  void send(Frame frame) {
    channel.writeAndFlush(frame);
  }

  void close() {
    channel.close();
  }
}
