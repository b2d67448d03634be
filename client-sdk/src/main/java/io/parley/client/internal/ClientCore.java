package io.parley.client.internal;

import com.google.protobuf.ByteString;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import io.parley.client.KickReason;
import io.parley.client.LoginInfo;
import io.parley.client.ParleyException;
import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.v1.Ack;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.LoginResult;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.PullResult;
import io.parley.protocol.v1.Push;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SendResult;
import io.parley.protocol.v1.TimelineEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state machine behind one {@code ParleyClient}: connect and log in, reconnect with backoff,
 * keep and resend unanswered sends, deliver timeline entries once and in order (pulling across
 * gaps), ack them, and drive the adaptive heartbeat. All of its state is confined to one event loop
 * chosen at construction (every connection of the client is registered on it), so it needs no
 * locks; public methods hop onto that loop. Listener calls and future completions never run there.
 */
public final class ClientCore {
  private static final System.Logger LOG = System.getLogger(ClientCore.class.getName());

  /** Most sends that may wait for the server at once; beyond it a send fails fast. */
  public static final int MAX_PENDING_SENDS = 10_000;
  /** Page size of a Pull. */
  static final int PULL_LIMIT = 200;

  private static final int FALLBACK_HEARTBEAT_MIN_MS = 30_000;
  private static final int FALLBACK_HEARTBEAT_MAX_MS = 300_000;
  /**
   * Login refusals worth retrying with backoff: the server was busy or failed. Any other refusal (every vendor's
   * credential codes, throttling, an unknown app) would fail again the same way, so it ends the connect.
   */
  private static final Set<Integer> TRANSIENT_LOGIN_CODES = Set.of(ErrorCodes.UNAVAILABLE, ErrorCodes.INTERNAL);
  /** Refusals that mean "this credential expired or was revoked: get a new one". */
  private static final Set<Integer> EXPIRED_CREDENTIAL_CODES =
      Set.of(ErrorCodes.TENCENT_USERSIG_EXPIRED, ErrorCodes.RONGCLOUD_TOKEN_EXPIRED);

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
  private final Executor completions;
  private final Backoff backoff;
  private final PendingSends pending = new PendingSends(MAX_PENDING_SENDS);
  private final Timeline timeline;
  private final AtomicLong deliveredSeq;
  private final AtomicBoolean ackScheduled = new AtomicBoolean();

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
    this.completions = SharedResources.callbackPool();
    this.callbacks = new SerialExecutor(completions);
    this.backoff = new Backoff(config.reconnectBackoffBase(), config.reconnectBackoffMax());
    this.timeline = new Timeline(config.lastAckedSeq());
    this.deliveredSeq = new AtomicLong(config.lastAckedSeq());
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
            case CONNECTED -> complete(result, loginInfo);
            default -> {
              if (connectFuture == null) {
                connectFuture = new CompletableFuture<>();
              }
              link(connectFuture, result);
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
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
    return send(Send.newBuilder().setClientMsgId(clientMsgId).setToUserId(toUserId).setContentType(contentType)
        .setContent(ByteString.copyFrom(content)));
  }

  /** Sends a message body of elements (and cloud custom data, "" for none). */
  public CompletableFuture<SendReceipt> send(String clientMsgId, String toUserId,
      List<io.parley.protocol.v1.Element> elements, String cloudCustomData) {
    Objects.requireNonNull(elements, "elements");
    Objects.requireNonNull(cloudCustomData, "cloudCustomData");
    return send(Send.newBuilder().setClientMsgId(clientMsgId).setToUserId(toUserId).addAllElements(elements)
        .setCloudCustomData(cloudCustomData));
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
    return deliveredSeq.get();
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
    Connection c = new Connection();
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
    c.lastAckSent = deliveredSeq.get();
    Login login =
        Login.newBuilder()
            .setProtocolVersion(ProtocolVersion.CURRENT)
            .setAppId(config.appId())
            .setUserId(config.userId())
            .setCredentialKind(io.parley.protocol.v1.CredentialKind.valueOf(config.credentialKind().name()))
            .setCredential(c.credential)
            .setDeviceId(config.deviceId())
            .setPlatform(io.parley.protocol.v1.Platform.valueOf(config.platform().name()))
            .setLastAckedSeq(c.lastAckSent)
            .build();
    c.channel.writeAndFlush(Frame.newBuilder().setRequestId(c.loginRequestId).setLogin(login).build());
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
      case SEND_RESULT -> onSendResult(requestId, frame.getSendResult());
      case PUSH -> {
        if (c.loggedIn) {
          onPush(c, frame.getPush());
        }
      }
      case PULL_RESULT -> {
        if (requestId != 0 && requestId == c.pullRequestId) {
          onPullResult(c, frame.getPullResult());
        }
      }
      case KICK -> onKick(c, frame.getKick());
      default -> LOG.log(System.Logger.Level.DEBUG, "ignoring unexpected frame {0}", frame.getBodyCase());
    }
  }

  private void onLoggedIn(Connection c, LoginResult result) {
    c.loggedIn = true;
    state = State.CONNECTED;
    failedAttempts = 0;
    int min = result.getHeartbeatMinMs() > 0 ? result.getHeartbeatMinMs() : FALLBACK_HEARTBEAT_MIN_MS;
    int max = Math.max(min, result.getHeartbeatMaxMs() > 0 ? result.getHeartbeatMaxMs() : FALLBACK_HEARTBEAT_MAX_MS);
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
    long resumeAfter = result.hasResumeAfterSeq() ? result.getResumeAfterSeq() : c.lastAckSent;
    if (resumeAfter < c.lastAckSent) {
      // The server's timeline ends before our cursor (a reset store, another server): it resumes from its newest
      // seq, and so do we, or every entry up to our old cursor would be dropped as already seen.
      timeline.rewind(resumeAfter);
      c.lastAckSent = resumeAfter;
      callbacks.execute(() -> deliveredSeq.set(resumeAfter));
    }
    LoginInfo info =
        new LoginInfo(
            result.getSessionId(),
            result.getServerTimeMs(),
            min,
            max,
            result.getNewestSeq(),
            result.getMaxMessageBytes(),
            result.getCredentialExpiresAtMs(),
            resumeAfter);
    loginInfo = info;
    connected = true;
    flushPendingSends(c);
    CompletableFuture<LoginInfo> waiting = connectFuture;
    connectFuture = null;
    tell(() -> listener.onConnected(info));
    if (waiting != null) {
      complete(waiting, info);
    }
  }

  private void onError(Connection c, int requestId, io.parley.protocol.v1.Error error) {
    int code = error.getCode();
    String message = error.getMessage();
    if (requestId != 0 && !c.loggedIn && requestId == c.loginRequestId) {
      onLoginRefused(c, code, message);
      return;
    }
    PendingSends.Pending send = requestId == 0 ? null : pending.byRequestId(requestId);
    if (send != null) {
      onSendError(send, code, message);
      return;
    }
    if (requestId != 0 && requestId == c.pullRequestId) {
      // The timeline cannot be completed on this connection; a new login resumes from the last ack.
      c.pullRequestId = 0;
      c.failed(new ParleyException(code, "pull refused: " + message));
      c.channel.close();
      return;
    }
    c.failed(new ParleyException(code, message));
    LOG.log(System.Logger.Level.DEBUG, "server error {0}: {1}", code, message);
  }

  private void onLoginRefused(Connection c, int code, String message) {
    ParleyException refusal = new ParleyException(code, message);
    c.failed(refusal);
    c.localClose = true;
    if (!TRANSIENT_LOGIN_CODES.contains(code)) {
      c.stopAfter = true;
      CompletableFuture<LoginInfo> waiting = connectFuture;
      connectFuture = null;
      tell(
          () -> {
            listener.onLoginFailed(code, message);
            if (EXPIRED_CREDENTIAL_CODES.contains(code)) {
              listener.onCredentialExpired();
            }
          });
      if (waiting != null) {
        fail(waiting, refusal);
      }
    }
    c.channel.close();
  }

  private void onKick(Connection c, Kick kick) {
    KickReason reason = kickReason(kick.getReason());
    String message = kick.getMessage();
    c.failed(new IOException("kicked by the server: " + reason + (message.isEmpty() ? "" : " (" + message + ")")));
    c.localClose = true;
    c.stopAfter = switch (reason) {
      case LOGGED_IN_ELSEWHERE, CREDENTIAL_EXPIRED, ACCOUNT_BLOCKED, CREDENTIAL_REVOKED, APP_REMOVED -> true;
      default -> false;
    };
    tell(
        () -> {
          listener.onKicked(reason, message);
          if (reason == KickReason.CREDENTIAL_EXPIRED || reason == KickReason.CREDENTIAL_REVOKED) {
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
    pending.clearInFlight();
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
    sendAck();
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
      fail(connectFuture, closedError);
      connectFuture = null;
    }
    for (PendingSends.Pending send : pending.drain()) {
      fail(send.future, closedError);
    }
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
    PendingSends.Pending existing = pending.get(send.getClientMsgId());
    if (existing != null) {
      link(existing.future, result);
      return;
    }
    if (pending.isFull()) {
      fail(result, new ParleyException(ParleyException.TOO_MANY_PENDING,
          MAX_PENDING_SENDS + " sends are already waiting for the server"));
      return;
    }
    PendingSends.Pending send1 = pending.add(send, result);
    Connection c = connection;
    if (c != null && c.loggedIn && writeSend(c, send1)) {
      c.channel.flush();
    }
  }

  private void flushPendingSends(Connection c) {
    boolean wrote = false;
    for (PendingSends.Pending send : pending.notInFlight()) {
      wrote |= writeSend(c, send);
    }
    if (wrote) {
      c.channel.flush();
    }
  }

  /** Writes (without flushing) one pending send; false when it was failed instead. */
  private boolean writeSend(Connection c, PendingSends.Pending send) {
    int limit = loginInfo == null ? 0 : loginInfo.maxMessageBytes();
    int size = send.send.getContent().size();
    if (limit > 0 && size > limit) {
      pending.remove(send);
      fail(send.future, new ParleyException(ErrorCodes.MESSAGE_TOO_LARGE,
          "content of " + size + " bytes exceeds the server's limit of " + limit + " bytes"));
      return false;
    }
    int requestId = c.nextRequestId();
    pending.markInFlight(send, requestId);
    c.channel.write(Frame.newBuilder().setRequestId(requestId).setSend(send.send).build());
    return true;
  }

  private void onSendResult(int requestId, SendResult result) {
    PendingSends.Pending send = requestId == 0 ? null : pending.byRequestId(requestId);
    if (send == null) {
      send = pending.get(result.getClientMsgId());
    }
    if (send == null) {
      return;
    }
    pending.remove(send);
    complete(
        send.future,
        new SendReceipt(
            send.send.getClientMsgId(),
            result.getServerMsgId(),
            result.getSeq(),
            result.getServerTimeMs(),
            result.getDuplicate()));
  }

  private void onSendError(PendingSends.Pending send, int code, String message) {
    if (code != ErrorCodes.UNAVAILABLE) {
      pending.remove(send);
      fail(send.future, new ParleyException(code, message));
      return;
    }
    pending.markNotInFlight(send);
    long delayMs = backoff.delayMillis(send.retries++);
    loop.schedule(() -> retrySend(send), delayMs, TimeUnit.MILLISECONDS);
  }

  private void retrySend(PendingSends.Pending send) {
    Connection c = connection;
    if (c != null && c.loggedIn && send.requestId == 0 && pending.contains(send) && writeSend(c, send)) {
      c.channel.flush();
    }
  }

  // ---------------------------------------------------------------- receiving, event loop

  private void onPush(Connection c, Push push) {
    if (push.getEntriesCount() == 0) {
      if (timeline.isBehind(push.getNewestSeq())) {
        requestPull(c);
      }
      return;
    }
    Timeline.Accepted accepted = timeline.accept(push.getEntriesList());
    deliver(accepted.entries());
    if (accepted.gap()) {
      requestPull(c);
    }
  }

  private void requestPull(Connection c) {
    if (c.pullRequestId != 0) {
      c.pullAgain = true;
      return;
    }
    c.pullRequestId = c.nextRequestId();
    c.channel.writeAndFlush(
        Frame.newBuilder()
            .setRequestId(c.pullRequestId)
            .setPull(Pull.newBuilder().setAfterSeq(timeline.acceptedSeq()).setLimit(PULL_LIMIT))
            .build());
  }

  private void onPullResult(Connection c, PullResult result) {
    c.pullRequestId = 0;
    long before = timeline.acceptedSeq();
    Timeline.Accepted accepted = timeline.accept(result.getEntriesList());
    deliver(accepted.entries());
    boolean progressed = timeline.acceptedSeq() > before;
    boolean again = c.pullAgain;
    c.pullAgain = false;
    boolean more = result.getHasMore() || accepted.gap() || timeline.isBehind(result.getNewestSeq());
    // Without progress a further page would ask the same question again: wait for the next push.
    if (again || (more && progressed)) {
      requestPull(c);
    }
  }

  private void deliver(List<TimelineEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    List<ReceivedMessage> batch = new ArrayList<>(entries.size());
    List<Boolean> notices = new ArrayList<>(entries.size());
    for (TimelineEntry entry : entries) {
      batch.add(toReceived(entry));
      notices.add(entry.hasRecall() || entry.getRecallNotice()); // the flag: an older server's recall notice
    }
    callbacks.execute(
        () -> {
          for (int i = 0; i < batch.size(); i++) {
            ReceivedMessage message = batch.get(i);
            if (closed) {
              return;
            }
            try {
              if (notices.get(i)) {
                listener.onRecalled(message);
              } else {
                listener.onMessage(message);
              }
            } catch (RuntimeException e) {
              LOG.log(System.Logger.Level.WARNING, "the listener threw for seq " + message.seq(), e);
            }
            deliveredSeq.set(message.seq());
          }
          if (ackScheduled.compareAndSet(false, true)) {
            onLoop(this::sendAck, () -> {});
          }
        });
  }

  private void sendAck() {
    ackScheduled.set(false);
    Connection c = connection;
    long seq = deliveredSeq.get();
    if (c != null && c.loggedIn && seq > c.lastAckSent) {
      c.lastAckSent = seq;
      c.channel.writeAndFlush(Frame.newBuilder().setAck(Ack.newBuilder().setSeq(seq)).build());
    }
  }

  private ReceivedMessage toReceived(TimelineEntry entry) {
    Message m = entry.hasRecall() ? entry.getRecall().getMessage() : entry.getMessage();
    boolean outgoing = m.getFromUserId().equals(config.userId());
    return new ReceivedMessage(
        entry.getSeq(),
        m.getServerMsgId(),
        m.getClientMsgId(),
        m.getFromUserId(),
        m.getToUserId(),
        m.getFromDeviceId(),
        m.getServerTimeMs(),
        m.getContentType(),
        m.getContent().toByteArray(),
        m.getElementsList(),
        m.getCloudCustomData(),
        outgoing,
        outgoing && m.getFromDeviceId().equals(config.deviceId()),
        m.getRecalled());
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

  private <T> void complete(CompletableFuture<T> future, T value) {
    completions.execute(() -> future.complete(value));
  }

  private <T> void fail(CompletableFuture<T> future, Throwable error) {
    completions.execute(() -> future.completeExceptionally(error));
  }

  private static <T> void link(CompletableFuture<T> source, CompletableFuture<T> target) {
    source.whenComplete(
        (value, error) -> {
          if (error != null) {
            target.completeExceptionally(error);
          } else {
            target.complete(value);
          }
        });
  }

  private static ParleyException closedException() {
    return new ParleyException(ParleyException.CLIENT_CLOSED, "the client is closed");
  }

  private static InetAddress localAddressOf(Channel channel) {
    return channel.localAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
  }

  private static KickReason kickReason(io.parley.protocol.v1.KickReason reason) {
    return switch (reason) {
      case LOGGED_IN_ELSEWHERE -> KickReason.LOGGED_IN_ELSEWHERE;
      case CREDENTIAL_EXPIRED -> KickReason.CREDENTIAL_EXPIRED;
      case SERVER_SHUTDOWN -> KickReason.SERVER_SHUTDOWN;
      case IDLE_TIMEOUT -> KickReason.IDLE_TIMEOUT;
      case SLOW_CONSUMER -> KickReason.SLOW_CONSUMER;
      case ACCOUNT_BLOCKED -> KickReason.ACCOUNT_BLOCKED;
      case CREDENTIAL_REVOKED -> KickReason.CREDENTIAL_REVOKED;
      case APP_REMOVED -> KickReason.APP_REMOVED;
      default -> KickReason.UNKNOWN;
    };
  }

  /** One connection attempt and, once logged in, one session; confined to the event loop. */
  private final class Connection implements ConnectionEvents {
    Channel channel;
    HeartbeatHandler heartbeatHandler;
    String credential;
    int nextRequestId = 1;
    int loginRequestId;
    int pullRequestId;
    boolean pullAgain;
    boolean loggedIn;
    boolean localClose;
    boolean stopAfter;
    boolean ended;
    long lastAckSent;
    Throwable cause;

    int nextRequestId() {
      int id = nextRequestId++;
      if (nextRequestId == 0) {
        nextRequestId = 1;
      }
      return id;
    }

    @Override
    public void ready() {
      onReady(this);
    }

    @Override
    public void frame(Frame frame) {
      onFrame(this, frame);
    }

    @Override
    public void failed(Throwable t) {
      if (cause == null) {
        cause = t;
      }
    }
  }
}
