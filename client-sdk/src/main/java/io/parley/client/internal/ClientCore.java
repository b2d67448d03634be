package io.parley.client.internal;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.parley.client.KickReason;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyException;
import io.parley.client.ParleyListener;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.GroupResult;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Send;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator behind one {@code ParleyClient}: it owns the current {@link Connection}, dials and logs in when the
 * {@link Reconnector} says so, and routes each frame to the part whose job it is — {@link LoginHandshake} and
 * {@link Refusal} for the login, {@link Outbox} for sends (one-to-one and group), {@link GroupRequests} for group
 * operations, {@link TimelineSync} (and through it {@link Delivery}) for the timeline, {@link GroupSync} for the large
 * groups read from their own history, {@link HeartbeatKeeper} for the heartbeat. All of their state is confined to one event loop chosen at
 * construction (every connection of the client is registered on it), so nothing needs a lock; public methods hop onto
 * that loop. Listener calls run on one serial callback thread, future completions on the callback pool, never on the
 * loop.
 */
public final class ClientCore {
  private static final System.Logger LOG = System.getLogger(ClientCore.class.getName());
  /** The longest a group pull refused as busy waits before it is asked again. */
  static final Duration PULL_RETRY_MAX = Duration.ofSeconds(2);

  private final ClientConfig config;
  private final ParleyListener listener;
  private final EventLoop loop;
  /** The client's one logical callback thread: listener calls, and the credential supplier and DNS, in order. */
  private final Executor callbacks;
  private final Connection.Owner events =
      new Connection.Owner() {
        @Override
        public void ready(Connection c) {
          onReady(c);
        }

        @Override
        public void frame(Connection c, Frame frame) {
          onFrame(c, frame);
        }
      };
  private final LoginHandshake handshake;
  private final Reconnector reconnector;
  private final Outbox outbox;
  private final Delivery delivery;
  /** The user this client is logged in as: the builder's, or the one the server named at login. */
  private volatile String userId;
  private final TimelineSync sync;
  private final GroupSync groupSync;
  private final GroupRequests groupRequests;
  private final HeartbeatKeeper heartbeat;

  private volatile boolean closed;
  private volatile boolean connected;

  /** Confined to the event loop; null between connections. */
  private Connection connection;

  public ClientCore(ClientConfig config) {
    this.config = config;
    this.listener = config.listener();
    EventLoopGroup group =
        config.eventLoopGroup() != null ? config.eventLoopGroup() : SharedResources.eventLoopGroup();
    this.loop = group.next();
    Completions completions = new Completions(SharedResources.callbackPool());
    this.callbacks = new SerialExecutor(SharedResources.callbackPool());
    Backoff backoff = new Backoff(config.reconnectBackoffBase(), config.reconnectBackoffMax());
    this.handshake = new LoginHandshake(config);
    this.reconnector = new Reconnector(loop, backoff, completions, this::startAttempt);
    this.outbox = new Outbox(loop, backoff, completions, () -> connection);
    this.userId = config.userId();
    this.delivery = new Delivery(callbacks, listener, () -> closed, () -> userId, config.deviceId(),
        config.lastAckedSeq());
    this.sync = new TimelineSync(config.lastAckedSeq(), delivery, () -> connection, task -> onLoop(task, () -> {}));
    this.groupSync = new GroupSync(delivery, () -> connection, task -> onLoop(task, () -> {}),
        pullRetryBackoff(config), (delayMs, task) -> loop.schedule(task, delayMs, TimeUnit.MILLISECONDS));
    this.groupRequests = new GroupRequests(completions);
    this.heartbeat = new HeartbeatKeeper(config.heartbeatStepMs());
  }

  /**
   * The reconnect backoff capped at {@link #PULL_RETRY_MAX}: a busy server is asked for a group's page again within
   * seconds, not after the half minute a lost link may wait.
   */
  private static Backoff pullRetryBackoff(ClientConfig config) {
    Duration base = config.reconnectBackoffBase();
    Duration max = config.reconnectBackoffMax().compareTo(PULL_RETRY_MAX) < 0 ? config.reconnectBackoffMax()
        : PULL_RETRY_MAX;
    return new Backoff(base, max.compareTo(base) < 0 ? base : max);
  }

  // ---------------------------------------------------------------- public API, any thread

  public CompletableFuture<LoginInfo> connect() {
    CompletableFuture<LoginInfo> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(Reconnector.closedError());
      return result;
    }
    onLoop(() -> reconnector.connect(result), () -> result.completeExceptionally(Reconnector.closedError()));
    return result;
  }

  public CompletableFuture<SendReceipt> send(String clientMsgId, String toUserId, String contentType, byte[] content) {
    return send(WireMapping.send(clientMsgId, toUserId, contentType, content));
  }

  /** Sends a message body of elements (and cloud custom data, "" for none). */
  public CompletableFuture<SendReceipt> send(String clientMsgId, String toUserId,
      List<io.parley.protocol.v1.Element> elements, String cloudCustomData) {
    return send(WireMapping.send(clientMsgId, toUserId, elements, cloudCustomData));
  }

  /** Sends a group message of elements (and cloud custom data, "" for none) through the same outbox. */
  public CompletableFuture<SendReceipt> sendToGroup(String clientMsgId, String groupId,
      List<io.parley.protocol.v1.Element> elements, String cloudCustomData) {
    return send(WireMapping.groupSend(clientMsgId, groupId, elements, cloudCustomData));
  }

  /**
   * Writes a group request now and completes with the server's result; fails fast when not logged in (group requests
   * are not kept for the next login) and when the connection is lost before the answer.
   */
  public CompletableFuture<GroupResult> groupRequest(GroupRequest request) {
    Objects.requireNonNull(request, "request");
    CompletableFuture<GroupResult> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(Reconnector.closedError());
      return result;
    }
    onLoop(
        () -> {
          if (reconnector.state() == Reconnector.State.CLOSED) {
            result.completeExceptionally(Reconnector.closedError());
          } else {
            groupRequests.send(connection, request, result);
          }
        },
        () -> result.completeExceptionally(Reconnector.closedError()));
    return result;
  }

  /** A large group's unread count: its newest known seq minus what the listener processed; 0 for other groups. */
  public long groupUnread(String groupId) {
    return groupSync.unread(Objects.requireNonNull(groupId, "groupId"));
  }

  private CompletableFuture<SendReceipt> send(Send.Builder builder) {
    Objects.requireNonNull(builder.getClientMsgId(), "clientMsgId");
    Objects.requireNonNull(builder.getToUserId(), "toUserId");
    if (builder.getClientMsgId().isEmpty()) {
      throw new IllegalArgumentException("clientMsgId must not be empty");
    }
    Send send = builder.build();
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(Reconnector.closedError());
      return result;
    }
    onLoop(
        () -> {
          if (reconnector.state() == Reconnector.State.CLOSED) {
            result.completeExceptionally(Reconnector.closedError());
          } else {
            outbox.add(send, result);
          }
        },
        () -> result.completeExceptionally(Reconnector.closedError()));
    return result;
  }

  /** Restarts the heartbeat search and, if waiting to reconnect, reconnects now. */
  public void networkChanged() {
    onLoop(
        () -> {
          heartbeat.networkChanged();
          reconnector.networkChanged();
        },
        () -> {});
  }

  public void close() {
    closed = true;
    connected = false;
    onLoop(this::closeOnLoop, () -> {});
  }

  public long lastAckedSeq() {
    return delivery.deliveredSeq();
  }

  public boolean isConnected() {
    return connected;
  }

  public int heartbeatIntervalMs() {
    return heartbeat.intervalMs();
  }

  // ---------------------------------------------------------------- connection lifecycle, event loop

  /** One attempt, as the reconnector decided: ask for a credential and resolve, then dial. */
  private void startAttempt() {
    Connection c = new Connection(events);
    connection = c;
    // The credential supplier and DNS may block: ask them on the callback thread, then dial on the loop.
    callbacks.execute(
        () -> {
          String credential;
          InetSocketAddress remote;
          try {
            credential = Objects.requireNonNull(config.credential().get(), "the credential supplier returned null");
            remote = config.transport().resolve();
          } catch (Throwable t) {
            onLoop(() -> {
              c.failed(t);
              connectionEnded(c);
            }, () -> {});
            return;
          }
          onLoop(() -> dial(c, credential, remote), () -> {});
        });
  }

  private void dial(Connection c, String credential, InetSocketAddress remote) {
    if (c != connection) {
      return;
    }
    c.credential = credential;
    c.heartbeatHandler = heartbeat.newHandler(c);
    ChannelFuture future =
        config
            .transport()
            .connect(
                loop,
                remote,
                config.localAddress(),
                c.heartbeatHandler,
                new FrameHandler(c, config.transport().isWebSocket()));
    c.channel = future.channel();
    future.addListener(
        (ChannelFuture done) -> {
          if (!done.isSuccess()) {
            c.failed(done.cause());
            done.channel().close();
          }
        });
    c.channel.closeFuture().addListener(ignored -> connectionEnded(c));
  }

  private void onReady(Connection c) {
    if (c != connection || reconnector.state() != Reconnector.State.CONNECTING) {
      return;
    }
    c.loginRequestId = c.nextRequestId();
    c.channel.writeAndFlush(handshake.login(c.loginRequestId, c.credential, sync.loginCursor(c)));
  }

  private void onFrame(Connection c, Frame frame) {
    if (c != connection) {
      return;
    }
    int requestId = frame.getRequestId();
    switch (frame.getBodyCase()) {
      case LOGIN_RESULT -> {
        if (!c.loggedIn && requestId == c.loginRequestId) {
          onLoggedIn(c, frame.getLoginResult());
        }
      }
      case ERROR -> onError(c, requestId, frame.getError());
      case SEND_RESULT -> outbox.onResult(requestId, frame.getSendResult());
      case PUSH -> {
        if (c.loggedIn) {
          sync.onPush(c, frame.getPush());
          groupSync.onHints(c, frame.getPush().getGroupsList());
        }
      }
      case PULL_RESULT -> sync.onPullResult(c, requestId, frame.getPullResult());
      case GROUP_RESULT -> groupRequests.onResult(requestId, frame.getGroupResult());
      case GROUP_PULL_RESULT -> {
        if (c.loggedIn) {
          groupSync.onPullResult(c, requestId, frame.getGroupPullResult());
        }
      }
      case KICK -> onKick(c, frame.getKick());
      default -> LOG.log(System.Logger.Level.DEBUG, "ignoring unexpected frame {0}", frame.getBodyCase());
    }
  }

  private void onLoggedIn(Connection c, LoginResult result) {
    c.loggedIn = true;
    if (!result.getUserId().isEmpty()) {
      userId = result.getUserId(); // a Rongcloud login may leave the user to the token
    }
    reconnector.loggedIn();
    LoginInfo info = LoginHandshake.read(result, c.lastAckSent);
    heartbeat.loggedIn(c, info.heartbeatMinMs(), info.heartbeatMaxMs());
    sync.loggedIn(c, info.resumeAfterSeq());
    connected = true;
    outbox.loggedIn(c, info.maxMessageBytes());
    groupSync.loggedIn(c, result.getReadGroupsList());
    tell(() -> listener.onConnected(info));
    reconnector.completeWaiting(info);
  }

  private void onError(Connection c, int requestId, io.parley.protocol.v1.Error error) {
    int code = error.getCode();
    String message = error.getMessage();
    if (requestId != 0 && !c.loggedIn && requestId == c.loginRequestId) {
      onLoginRefused(c, code, message);
      return;
    }
    if (outbox.onError(requestId, code, message) || groupRequests.onError(requestId, code, message)
        || sync.onError(c, requestId, code, message) || groupSync.onError(c, requestId, code, message)) {
      return;
    }
    c.failed(new ParleyException(code, message));
    LOG.log(System.Logger.Level.DEBUG, "server error {0}: {1}", code, message);
  }

  private void onLoginRefused(Connection c, int code, String message) {
    ParleyException refusal = new ParleyException(code, message);
    c.failed(refusal);
    c.localClose = true;
    Refusal meaning = Refusal.ofLogin(code);
    if (meaning.stopsReconnecting()) {
      c.stopAfter = true;
      tell(
          () -> {
            listener.onLoginFailed(code, message);
            if (meaning == Refusal.CREDENTIAL_EXPIRED) {
              listener.onCredentialExpired();
            }
          });
      reconnector.failWaiting(refusal);
    }
    c.channel.close();
  }

  private void onKick(Connection c, Kick kick) {
    KickReason reason = WireMapping.kickReason(kick.getReason());
    String message = kick.getMessage();
    c.failed(new IOException("kicked by the server: " + reason + (message.isEmpty() ? "" : " (" + message + ")")));
    c.localClose = true;
    Refusal meaning = Refusal.ofKick(reason);
    c.stopAfter = meaning.stopsReconnecting();
    tell(
        () -> {
          listener.onKicked(reason, message);
          if (meaning == Refusal.CREDENTIAL_EXPIRED) {
            listener.onCredentialExpired();
          }
        });
    c.channel.close();
  }

  private void connectionEnded(Connection c) {
    if (c.ended) {
      return;
    }
    c.ended = true;
    if (c != connection) {
      return;
    }
    connection = null;
    connected = false;
    outbox.connectionLost();
    groupRequests.failAll(reconnector.state() == Reconnector.State.CLOSED
        ? Reconnector.closedError()
        : GroupRequests.notConnected("the connection was lost before the server answered"));
    heartbeat.connectionEnded(c);
    if (reconnector.state() == Reconnector.State.CLOSED) {
      return;
    }
    if (c.loggedIn) {
      Throwable cause = c.cause != null ? c.cause : new IOException("connection closed by the server");
      tell(() -> listener.onDisconnected(cause));
    }
    reconnector.connectionEnded(c.stopAfter);
  }

  private void closeOnLoop() {
    if (reconnector.state() == Reconnector.State.CLOSED) {
      return;
    }
    sync.ackNow();
    groupSync.ackAllNow();
    reconnector.close();
    Connection c = connection;
    connection = null;
    if (c != null) {
      c.localClose = true;
      if (c.channel != null) {
        c.channel.close();
      }
    }
    outbox.failAll(Reconnector.closedError());
    groupRequests.failAll(Reconnector.closedError());
  }

  // ---------------------------------------------------------------- helpers

  /** Calls the listener on the callback thread, unless the client has been closed by then. */
  private void tell(Runnable call) {
    callbacks.execute(
        () -> {
          if (!closed) {
            call.run();
          }
        });
  }

  private void onLoop(Runnable task, Runnable ifRejected) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "the client's event loop is shut down", e);
      ifRejected.run();
    }
  }
}
