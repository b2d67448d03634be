package io.parley.client.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.parley.client.KickReason;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyException;
import io.parley.client.ParleyListener;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Send;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The state machine behind one {@code ParleyClient}: connect and log in, reconnect with backoff,
 * keep and resend unanswered sends, deliver timeline entries once and in order (pulling across
 * gaps), ack them, and drive the adaptive heartbeat. All of its state is confined to one event loop
 * chosen at construction (every connection of the client is registered on it), so it needs no
 * locks; public methods hop onto that loop. Listener calls and future completions never run there.
 */
public final class ClientCore {
  private static final System.Logger LOG = System.getLogger(ClientCore.class.getName());


  private enum State {
    /** Not connected, waiting for connect(): never connected yet, or stopped by a final refusal or kick. */
    IDLE,
    CONNECTING,
    CONNECTED,
    /** Waiting for the backoff delay before reconnecting. */
    WAITING,
    CLOSED
  }

  private final ClientConfig config;
  private final ParleyListener listener;
  private final EventLoop loop;
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
  private final Completions completions;
  private final Backoff backoff;
  private final LoginHandshake handshake;
  private final Outbox outbox;
  private final Delivery delivery;
  private final TimelineSync sync;

  private volatile boolean closed;
  private volatile boolean connected;
  private volatile int heartbeatIntervalMs;

  // Confined to the event loop.
  private State state = State.IDLE;
  private Connection connection;
  private CompletableFuture<LoginInfo> connectFuture;
  private LoginInfo loginInfo;
  private int failedAttempts;
  private ScheduledFuture<?> reconnectTask;
  private AdaptiveHeartbeat heartbeat;
  private InetAddress lastLocalAddress;

  public ClientCore(ClientConfig config) {
    this.config = config;
    this.listener = config.listener();
    EventLoopGroup group =
        config.eventLoopGroup() != null ? config.eventLoopGroup() : SharedResources.eventLoopGroup();
    this.loop = group.next();
    this.completions = new Completions(SharedResources.callbackPool());
    this.callbacks = new SerialExecutor(SharedResources.callbackPool());
    this.handshake = new LoginHandshake(config);
    this.backoff = new Backoff(config.reconnectBackoffBase(), config.reconnectBackoffMax());
    this.outbox = new Outbox(loop, backoff, completions, () -> connection);
    this.delivery = new Delivery(callbacks, listener, () -> closed, config.userId(), config.deviceId(),
        config.lastAckedSeq());
    this.sync = new TimelineSync(config.lastAckedSeq(), delivery, () -> connection, task -> onLoop(task, () -> {}));
  }

  // ---------------------------------------------------------------- public API, any thread

  public CompletableFuture<LoginInfo> connect() {
    CompletableFuture<LoginInfo> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(closedException());
      return result;
    }
    onLoop(
        () -> {
          switch (state) {
            case CLOSED -> result.completeExceptionally(closedException());
            case CONNECTED -> completions.complete(result, loginInfo);
            default -> {
              if (connectFuture == null) {
                connectFuture = new CompletableFuture<>();
              }
              Completions.link(connectFuture, result);
              if (state != State.CONNECTING) {
                cancelReconnect();
                startAttempt();
              }
            }
          }
        },
        () -> result.completeExceptionally(closedException()));
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

  private CompletableFuture<SendReceipt> send(Send.Builder builder) {
    Objects.requireNonNull(builder.getClientMsgId(), "clientMsgId");
    Objects.requireNonNull(builder.getToUserId(), "toUserId");
    if (builder.getClientMsgId().isEmpty()) {
      throw new IllegalArgumentException("clientMsgId must not be empty");
    }
    Send send = builder.build();
    CompletableFuture<SendReceipt> result = new CompletableFuture<>();
    if (closed) {
      result.completeExceptionally(closedException());
      return result;
    }
    onLoop(() -> enqueueSend(send, result), () -> result.completeExceptionally(closedException()));
    return result;
  }

  /** Restarts the heartbeat search and, if waiting to reconnect, reconnects now. */
  public void networkChanged() {
    onLoop(
        () -> {
          if (heartbeat != null) {
            heartbeat.networkChanged();
            publishInterval();
          }
          if (state == State.WAITING) {
            cancelReconnect();
            startAttempt();
          }
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
    return heartbeatIntervalMs;
  }

  // ---------------------------------------------------------------- connection lifecycle, event loop

  private void startAttempt() {
    state = State.CONNECTING;
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
    c.heartbeatHandler = new HeartbeatHandler(c::nextRequestId, this::publishInterval);
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
    if (c != connection || state != State.CONNECTING) {
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
        }
      }
      case PULL_RESULT -> sync.onPullResult(c, requestId, frame.getPullResult());
      case KICK -> onKick(c, frame.getKick());
      default -> LOG.log(System.Logger.Level.DEBUG, "ignoring unexpected frame {0}", frame.getBodyCase());
    }
  }

  private void onLoggedIn(Connection c, LoginResult result) {
    c.loggedIn = true;
    state = State.CONNECTED;
    failedAttempts = 0;
    LoginInfo info = LoginHandshake.read(result, c.lastAckSent);
    int min = info.heartbeatMinMs();
    int max = info.heartbeatMaxMs();
    if (heartbeat == null || heartbeat.minMs() != min || heartbeat.maxMs() != max) {
      int step = config.heartbeatStepMs() > 0 ? config.heartbeatStepMs() : AdaptiveHeartbeat.defaultStepMs(min, max);
      heartbeat = new AdaptiveHeartbeat(min, max, step, AdaptiveHeartbeat.DEFAULT_SUCCESSES_PER_STEP);
    }
    InetAddress local = localAddressOf(c.channel);
    if (lastLocalAddress != null && local != null && !local.equals(lastLocalAddress)) {
      heartbeat.networkChanged();
    }
    lastLocalAddress = local;
    c.heartbeatHandler.start(heartbeat);
    publishInterval();
    sync.loggedIn(c, info.resumeAfterSeq());
    loginInfo = info;
    connected = true;
    outbox.loggedIn(c, info.maxMessageBytes());
    CompletableFuture<LoginInfo> waiting = connectFuture;
    connectFuture = null;
    tell(() -> listener.onConnected(info));
    if (waiting != null) {
      completions.complete(waiting, info);
    }
  }

  private void onError(Connection c, int requestId, io.parley.protocol.v1.Error error) {
    int code = error.getCode();
    String message = error.getMessage();
    if (requestId != 0 && !c.loggedIn && requestId == c.loginRequestId) {
      onLoginRefused(c, code, message);
      return;
    }
    if (outbox.onError(requestId, code, message)) {
      return;
    }
    if (sync.onError(c, requestId, code, message)) {
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
      CompletableFuture<LoginInfo> waiting = connectFuture;
      connectFuture = null;
      tell(
          () -> {
            listener.onLoginFailed(code, message);
            if (meaning == Refusal.CREDENTIAL_EXPIRED) {
              listener.onCredentialExpired();
            }
          });
      if (waiting != null) {
        completions.fail(waiting, refusal);
      }
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
    if (c.loggedIn && !c.localClose && heartbeat != null && c.heartbeatHandler.lostWhileIdle()) {
      heartbeat.onBeatFailed();
      publishInterval();
    }
    if (state == State.CLOSED) {
      return;
    }
    if (c.loggedIn) {
      Throwable cause = c.cause != null ? c.cause : new IOException("connection closed by the server");
      tell(() -> listener.onDisconnected(cause));
    }
    if (c.stopAfter) {
      state = State.IDLE;
      return;
    }
    state = State.WAITING;
    long delayMs = backoff.delayMillis(failedAttempts++);
    reconnectTask =
        loop.schedule(
            () -> {
              if (state == State.WAITING) {
                reconnectTask = null;
                startAttempt();
              }
            },
            delayMs,
            TimeUnit.MILLISECONDS);
  }

  private void closeOnLoop() {
    if (state == State.CLOSED) {
      return;
    }
    sync.ackNow();
    state = State.CLOSED;
    cancelReconnect();
    Connection c = connection;
    connection = null;
    if (c != null) {
      c.localClose = true;
      if (c.channel != null) {
        c.channel.close();
      }
    }
    ParleyException closedError = closedException();
    if (connectFuture != null) {
      completions.fail(connectFuture, closedError);
      connectFuture = null;
    }
    outbox.failAll(closedError);
  }

  private void cancelReconnect() {
    if (reconnectTask != null) {
      reconnectTask.cancel(false);
      reconnectTask = null;
    }
  }

  // ---------------------------------------------------------------- sends, event loop

  private void enqueueSend(Send send, CompletableFuture<SendReceipt> result) {
    if (state == State.CLOSED) {
      result.completeExceptionally(closedException());
      return;
    }
    outbox.add(send, result);
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

  private void publishInterval() {
    heartbeatIntervalMs = heartbeat == null ? 0 : heartbeat.intervalMs();
  }

  private void onLoop(Runnable task, Runnable ifRejected) {
    try {
      loop.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.log(System.Logger.Level.WARNING, "the client's event loop is shut down", e);
      ifRejected.run();
    }
  }

  private static ParleyException closedException() {
    return new ParleyException(ParleyException.CLIENT_CLOSED, "the client is closed");
  }

  private static InetAddress localAddressOf(Channel channel) {
    return channel.localAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
  }
}
