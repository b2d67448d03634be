package io.parley.server.session;

import io.netty.channel.Channel;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.KickReason;
import io.parley.protocol.v1.Platform;
import io.parley.server.app.App;

/** One logged-in device connection: who it is, its channel, and its delivery state. */
public final class Session {
  private final long id;
  private final App app;
  private final UserKey user;
  private final String deviceId;
  private final Platform platform;
  private final Channel channel;
  private final Delivery delivery;
  private volatile KickReason kickedFor; // why the server ended this session, when it did

  public Session(long id, App app, UserKey user, String deviceId, Platform platform, Channel channel,
      Delivery delivery) {
    this.id = id;
    this.app = app;
    this.user = user;
    this.deviceId = deviceId;
    this.platform = platform;
    this.channel = channel;
    this.delivery = delivery;
  }

  public long id() {
    return id;
  }

  /** The app as it was configured when this session logged in. */
  public App app() {
    return app;
  }

  public UserKey user() {
    return user;
  }

  public String deviceId() {
    return deviceId;
  }

  public Platform platform() {
    return platform;
  }

  public Channel channel() {
    return channel;
  }

  /** How this session's timeline reaches its device. */
  public Delivery delivery() {
    return delivery;
  }

  /** Why the server kicked this session; null while it was not kicked (it may still have been closed by the client). */
  public KickReason kickedFor() {
    return kickedFor;
  }

  /** Tells the device why it is being dropped, then closes its connection. Safe from any thread. */
  public void kick(KickReason reason, String message) {
    if (kickedFor == null) {
      kickedFor = reason;
    }
    Frame kick = Frame.newBuilder().setKick(Kick.newBuilder().setReason(reason).setMessage(message)).build();
    channel.eventLoop().execute(() -> {
      if (channel.isActive()) {
        Farewell.send(channel, kick);
      }
    });
  }

  @Override
  public String toString() {
    return user.appId() + "/" + user.userId() + "/" + platform + "/" + deviceId + "#" + id;
  }
}
