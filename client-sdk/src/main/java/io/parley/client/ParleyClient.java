package io.parley.client;

import io.netty.channel.EventLoopGroup;
import io.parley.client.internal.ClientConfig;
import io.parley.client.internal.ClientCore;
import io.parley.client.internal.TimeOrderedIds;
import io.parley.client.internal.Transport;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A connection to a Parley server for one user on one device: it logs in, reconnects by itself,
 * keeps sends until the server answers them, and delivers the user's timeline to a
 * {@link ParleyListener} once and in order. Built once with {@link #builder()} and then immutable;
 * every method may be called from any thread and none blocks.
 */
public final class ParleyClient implements AutoCloseable {
  private final ClientConfig config;
  private final ClientCore core;
  private final GroupClient groups;

  private ParleyClient(ClientConfig config) {
    this.config = config;
    this.core = new ClientCore(config);
    this.groups = new GroupClient(core::groupRequest);
  }

  /** Starts configuring a client. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Connects and logs in; the future completes with the first successful login (connection
   * failures are retried with backoff meanwhile) and fails with a {@link ParleyException} when the
   * server refuses the credential for good, or when the client is closed. After a final refusal or
   * kick, calling it again logs in again, asking the credential supplier anew.
   */
  public CompletableFuture<LoginInfo> connect() {
    return core.connect();
  }

  /** Sends a message of elements ({@link Elements#text}, {@link Elements#image}, …) under a new client message id. */
  public CompletableFuture<SendReceipt> send(String toUserId, io.parley.protocol.v1.Element... elements) {
    return core.send(TimeOrderedIds.next(), toUserId, java.util.List.of(elements), "");
  }

  /**
   * Sends a message of elements with cloud custom data (opaque to the server, returned unchanged; "" for none), kept
   * and resent across reconnects as {@link #send(String, String, String, byte[])} says.
   */
  public CompletableFuture<SendReceipt> send(String clientMsgId, String toUserId,
      java.util.List<io.parley.protocol.v1.Element> elements, String cloudCustomData) {
    return core.send(clientMsgId, toUserId, elements, cloudCustomData);
  }

  /** Sends {@code content} to {@code toUserId} under a newly generated client message id. */
  public CompletableFuture<SendReceipt> send(String toUserId, String contentType, byte[] content) {
    return send(TimeOrderedIds.next(), toUserId, contentType, content);
  }

  /**
   * Sends {@code content} to {@code toUserId}. The send is kept until the server answers, across
   * reconnects, and resent with the same {@code clientMsgId}; the future fails with a
   * {@link ParleyException} when the server refuses it, when too many sends are pending, or when
   * the client is closed. Sending an id that is still pending returns that send's outcome.
   */
  public CompletableFuture<SendReceipt> send(String clientMsgId, String toUserId, String contentType, byte[] content) {
    return core.send(clientMsgId, toUserId, contentType, content);
  }

  /**
   * Sends a group message of elements under a new client message id; kept and resent across reconnects like a
   * one-to-one send. The receipt's {@code groupSeq} is the message's seq in the group's history.
   */
  public CompletableFuture<SendReceipt> sendToGroup(String groupId, io.parley.protocol.v1.Element... elements) {
    return core.sendToGroup(TimeOrderedIds.next(), groupId, java.util.List.of(elements), "");
  }

  /**
   * Sends a group message of elements under {@code clientMsgId}: kept until the server answers and resent with the
   * same id, as {@link #send(String, String, String, byte[])} says.
   */
  public CompletableFuture<SendReceipt> sendToGroup(String clientMsgId, String groupId,
      io.parley.protocol.v1.Element... elements) {
    return core.sendToGroup(clientMsgId, groupId, java.util.List.of(elements), "");
  }

  /** Sends a group message of elements with cloud custom data ("" for none) under {@code clientMsgId}. */
  public CompletableFuture<SendReceipt> sendToGroup(String clientMsgId, String groupId,
      java.util.List<io.parley.protocol.v1.Element> elements, String cloudCustomData) {
    return core.sendToGroup(clientMsgId, groupId, elements, cloudCustomData);
  }

  /** The group operations: create, join, invite, kick, mute, modify, … (see {@link GroupClient}). */
  public GroupClient groups() {
    return groups;
  }

  /**
   * How many entries of a large group (one read from the group's own history) this device has not processed yet: the
   * group's newest seq as the server last told minus what the listener processed. 0 for a group this client does not
   * read that way (a small group's messages come in the user's timeline).
   */
  public long groupUnread(String groupId) {
    return core.groupUnread(groupId);
  }

  /** The highest timeline seq the listener has processed: persist it and pass it to {@link Builder#lastAckedSeq}. */
  public long lastAckedSeq() {
    return core.lastAckedSeq();
  }

  /** True while logged in. */
  public boolean isConnected() {
    return core.isConnected();
  }

  /** The current ping interval of the adaptive heartbeat, 0 before the first login. */
  public int heartbeatIntervalMs() {
    return core.heartbeatIntervalMs();
  }

  /** Tells the client its network changed: the heartbeat search restarts and a waiting reconnect happens now. */
  public void networkChanged() {
    core.networkChanged();
  }

  /** This client's device id (generated when none was configured). */
  public String deviceId() {
    return config.deviceId();
  }

  /** Disconnects for good: pending sends and connect futures fail, and no listener method is called after. */
  @Override
  public void close() {
    core.close();
  }

  /** Configures a {@link ParleyClient}; only the server address, app id, user id and credential are required. */
  public static final class Builder {
    private Transport transport;
    private String appId;
    private String userId;
    private CredentialKind credentialKind;
    private Supplier<String> credential;
    private String deviceId;
    private Platform platform = Platform.LINUX;
    private long lastAckedSeq;
    private ParleyListener listener = new ParleyListener() {};
    private Duration backoffBase = Duration.ofMillis(200);
    private Duration backoffMax = Duration.ofSeconds(30);
    private int heartbeatStepMs;
    private InetAddress localAddress;
    private EventLoopGroup eventLoopGroup;

    private Builder() {}

    /** Connects over TCP (varint32-length framing). */
    public Builder tcp(String host, int port) {
      this.transport = Transport.tcp(host, port);
      return this;
    }

    /** Connects over a WebSocket, e.g. {@code ws://127.0.0.1:9200/ws}. */
    public Builder webSocket(URI uri) {
      this.transport = Transport.webSocket(uri);
      return this;
    }

    public Builder appId(String appId) {
      this.appId = Objects.requireNonNull(appId, "appId");
      return this;
    }

    public Builder userId(String userId) {
      this.userId = Objects.requireNonNull(userId, "userId");
      return this;
    }

    /** The credential kind and a supplier asked for the credential at every login (it may block). */
    public Builder credential(CredentialKind kind, Supplier<String> credential) {
      this.credentialKind = Objects.requireNonNull(kind, "kind");
      this.credential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /** Defaults to a random id, new for every client built. */
    public Builder deviceId(String deviceId) {
      this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
      return this;
    }

    /** Defaults to {@link Platform#LINUX}. */
    public Builder platform(Platform platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /** The seq this device had processed when the process last stopped; defaults to 0 (everything). */
    public Builder lastAckedSeq(long lastAckedSeq) {
      if (lastAckedSeq < 0) {
        throw new IllegalArgumentException("lastAckedSeq must not be negative");
      }
      this.lastAckedSeq = lastAckedSeq;
      return this;
    }

    public Builder listener(ParleyListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Reconnect delays grow from {@code base} (jittered, doubling) up to {@code max}; defaults 200 ms and 30 s. */
    public Builder reconnectBackoff(Duration base, Duration max) {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(max, "max");
      if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
        throw new IllegalArgumentException("need 0 < base <= max, got " + base + " and " + max);
      }
      this.backoffBase = base;
      this.backoffMax = max;
      return this;
    }

    /** How much the heartbeat interval grows per step; defaults to an eighth of the server's [min, max] range. */
    public Builder heartbeatStepMs(int stepMs) {
      if (stepMs <= 0) {
        throw new IllegalArgumentException("heartbeat step must be positive");
      }
      this.heartbeatStepMs = stepMs;
      return this;
    }

    /** Binds connections to this local address (e.g. 127.0.0.2, for more ephemeral ports). */
    public Builder localAddress(InetAddress localAddress) {
      this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
      return this;
    }

    /** Runs connections on this group instead of the shared default one; the app owns its lifecycle. */
    public Builder eventLoopGroup(EventLoopGroup group) {
      this.eventLoopGroup = Objects.requireNonNull(group, "group");
      return this;
    }

    public ParleyClient build() {
      if (transport == null) {
        throw new IllegalStateException("call tcp(host, port) or webSocket(uri) first");
      }
      if (appId == null || userId == null || credential == null) {
        throw new IllegalStateException("appId, userId and credential are required");
      }
      return new ParleyClient(
          new ClientConfig(
              transport,
              appId,
              userId,
              credentialKind,
              credential,
              deviceId != null ? deviceId : UUID.randomUUID().toString(),
              platform,
              lastAckedSeq,
              listener,
              backoffBase,
              backoffMax,
              heartbeatStepMs,
              localAddress,
              eventLoopGroup));
    }
  }
}
