package io.parley.client;

import static io.parley.client.FakeScript.entry;
import static io.parley.client.FakeScript.push;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Kick;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.Pull;
import io.parley.protocol.v1.TimelineEntry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ParleyClient against a scripted server")
class ParleyClientTest {
  private static final Duration QUIET = Duration.ofMillis(500);

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Recorder recorder = new Recorder();
  private final AtomicInteger credentialsAsked = new AtomicInteger();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private FakeServer tcpServer(FakeScript script) throws InterruptedException {
    FakeServer server = FakeServer.tcp(script);
    toClose.add(server);
    return server;
  }

  private ParleyClient.Builder builder(FakeServer server) {
    return ParleyClient.builder()
        .tcp("127.0.0.1", server.port())
        .appId("1400000000")
        .userId("alice")
        .credential(CredentialKind.TENCENT_USERSIG, () -> "sig-" + credentialsAsked.incrementAndGet())
        .deviceId("laptop-1")
        .platform(Platform.LINUX)
        .listener(recorder)
        .reconnectBackoff(Duration.ofMillis(5), Duration.ofMillis(50));
  }

  private ParleyClient client(ParleyClient.Builder builder) {
    ParleyClient client = builder.build();
    toClose.add(client);
    return client;
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(10, TimeUnit.SECONDS);
  }

  private static ParleyException failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
    return assertInstanceOf(ParleyException.class, e.getCause());
  }

  private static List<Long> seqsUpTo(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  @Test
  @DisplayName("logs in with the configured identity and reports what the server announced")
  void logsIn() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server).lastAckedSeq(41));

    LoginInfo info = get(client.connect());

    assertEquals(77, info.sessionId());
    assertEquals(60_000, info.heartbeatMinMs());
    assertEquals(120_000, info.heartbeatMaxMs());
    assertEquals(8192, info.maxMessageBytes());
    assertTrue(client.isConnected());
    assertEquals(60_000, client.heartbeatIntervalMs());
    Login login = server.received(Frame.BodyCase.LOGIN).get(0).getLogin();
    assertEquals(1, login.getProtocolVersion());
    assertEquals("1400000000", login.getAppId());
    assertEquals("alice", login.getUserId());
    assertEquals(io.parley.protocol.v1.CredentialKind.TENCENT_USERSIG, login.getCredentialKind());
    assertEquals("sig-1", login.getCredential());
    assertEquals("laptop-1", login.getDeviceId());
    assertEquals(io.parley.protocol.v1.Platform.LINUX, login.getPlatform());
    assertEquals(41, login.getLastAckedSeq());
    await().until(() -> recorder.count("onConnected") == 1);
  }

  @Test
  @DisplayName("dials from the configured source address, many clients sharing it with a port each")
  void dialsFromTheConfiguredSourceAddress() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    InetAddress source = InetAddress.getByName("127.0.0.7");
    for (int i = 0; i < 20; i++) {
      get(client(builder(server).userId("user-" + i).localAddress(source)).connect());
    }

    List<InetSocketAddress> peers = server.connections().stream().map(FakeConnection::remoteAddress).toList();
    assertEquals(20, peers.size());
    assertTrue(peers.stream().allMatch(a -> a.getAddress().equals(source)), peers.toString());
    assertEquals(20, peers.stream().map(InetSocketAddress::getPort).distinct().count());
  }

  @Test
  @DisplayName("pulls across a gap, page by page, and delivers every entry once and in order")
  void pullsAcrossGap() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(timeline.subList(0, 2), 2));
            c.send(push(List.of(timeline.get(5)), 6));
          }
        }.withIncoming(6);
    script.pullPageSize = 2;
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));

    get(client.connect());

    await().until(() -> recorder.messages.size() >= 6);
    assertEquals(seqsUpTo(6), recorder.seqs());
    List<Pull> pulls = server.received(Frame.BodyCase.PULL).stream().map(Frame::getPull).toList();
    assertEquals(List.of(2L, 4L), pulls.stream().map(Pull::getAfterSeq).toList());
    assertTrue(pulls.stream().allMatch(p -> p.getLimit() == 200));
    ReceivedMessage third = recorder.messages.get(2);
    assertEquals("bob", third.fromUserId());
    assertEquals("hello 3", new String(third.content(), StandardCharsets.UTF_8));
    assertFalse(third.outgoing());
    assertTrue(recorder.threads.stream().noneMatch(t -> t.startsWith("parley-io")), "listener ran on an event loop");
  }

  @Test
  @DisplayName("pulls when a push only announces a newer seq")
  void pullsOnEmptyPush() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(List.of(), 3));
          }
        }.withIncoming(3);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));

    get(client.connect());

    await().until(() -> recorder.messages.size() >= 3);
    assertEquals(seqsUpTo(3), recorder.seqs());
    assertEquals(0, server.received(Frame.BodyCase.PULL).get(0).getPull().getAfterSeq());
  }

  @Test
  @DisplayName("drops pushed entries it has already delivered")
  void dropsDuplicates() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(timeline.subList(0, 2), 5));
            c.send(push(timeline.subList(1, 3), 5));
            c.send(push(timeline.subList(0, 1), 5));
            c.send(push(timeline.subList(2, 4), 5));
            c.send(push(timeline.subList(4, 5), 5));
          }
        }.withIncoming(5);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));

    get(client.connect());

    await().until(() -> recorder.messages.size() >= 5);
    assertEquals(seqsUpTo(5), recorder.seqs());
    assertTrue(server.received(Frame.BodyCase.PULL).isEmpty(), "no gap, so no pull");
  }

  @Test
  @DisplayName("a login that leaves the user to the credential marks messages by the user the server named as outgoing")
  void outgoingByTheServersUser() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            Frame result = loginResult(f);
            c.send(result.toBuilder().setLoginResult(result.getLoginResult().toBuilder().setUserId("carol")).build());
            TimelineEntry mine = TimelineEntry.newBuilder().setSeq(1)
                .setMessage(timeline.get(0).getMessage().toBuilder().setFromUserId("carol").setToUserId("dave")).build();
            c.send(push(List.of(mine), 1));
          }
        }.withIncoming(1);
    ParleyClient client = client(builder(tcpServer(script)).userId("")
        .credential(CredentialKind.RONGCLOUD_TOKEN, () -> "token-naming-carol"));

    get(client.connect());

    await().until(() -> recorder.messages.size() >= 1);
    assertTrue(recorder.messages.get(0).outgoing(), "carol's own message is outgoing for carol's client");
  }

  @Test
  @DisplayName("a recall notice goes to onRecalled, not onMessage, in seq order, and is acked like a message")
  void recallNotice() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            TimelineEntry original = timeline.get(0);
            var recalled = original.getMessage().toBuilder().clearContent().clearContentType().setRecalled(true);
            c.send(push(List.of(original, timeline.get(1),
                TimelineEntry.newBuilder().setSeq(3).setMessage(recalled).setRecallNotice(true).build()), 3));
          }
        }.withIncoming(2);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));

    get(client.connect());

    await().until(() -> recorder.recalls.size() == 1 && client.lastAckedSeq() == 3);
    assertEquals(List.of(1L, 2L), recorder.seqs());
    assertFalse(recorder.messages.get(0).recalled());
    ReceivedMessage recall = recorder.recalls.get(0);
    assertEquals(3, recall.seq());
    assertEquals(recorder.messages.get(0).serverMsgId(), recall.serverMsgId());
    assertTrue(recall.recalled());
    assertEquals(0, recall.content().length);
  }

  @Test
  @DisplayName("acks the highest seq only after the listener has processed it")
  void acksAfterProcessing() throws Exception {
    Map<Long, Integer> processedWhenAcked = new ConcurrentHashMap<>();
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(timeline, 3));
          }

          @Override
          void onFrame(FakeConnection c, Frame f) {
            if (f.hasAck()) {
              processedWhenAcked.put(f.getAck().getSeq(), recorder.messages.size());
            }
            super.onFrame(c, f);
          }
        }.withIncoming(3);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));

    get(client.connect());

    await().until(() -> processedWhenAcked.containsKey(3L));
    assertEquals(3, processedWhenAcked.get(3L));
    assertEquals(List.of(3L), server.received(Frame.BodyCase.ACK).stream().map(f -> f.getAck().getSeq()).toList(),
        "one push, one ack");
    assertEquals(3, client.lastAckedSeq());
  }

  @Test
  @DisplayName("reconnects after the server drops the connection and resumes after the last acked seq")
  void reconnectsAndResumes() throws Exception {
    FakeScript script = new FakeScript().withIncoming(3);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));
    get(client.connect());
    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 3));

    script.timeline.add(entry(4, "bob", "alice", "while you were away"));
    server.connections().get(0).close();

    await().until(() -> recorder.messages.size() >= 4);
    assertEquals(seqsUpTo(4), recorder.seqs());
    assertEquals(3, server.connections().get(1).login().getLastAckedSeq());
    assertEquals("sig-2", server.connections().get(1).login().getCredential(), "the supplier is asked at every login");
    await().until(() -> recorder.count("onConnected") == 2);
    assertEquals(1, recorder.count("onDisconnected"));
  }

  @Test
  @DisplayName("resends unanswered sends in order with the same client message ids after the connection drops")
  void resendsAfterDrop() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onSend(FakeConnection c, Frame f) {
            if (c.index() == 0) {
              store(c, f.getSend()); // stored, but the answer is lost with the connection
              c.close();
            } else {
              super.onSend(c, f);
            }
          }
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));
    get(client.connect());

    CompletableFuture<SendReceipt> first = client.send("m-1", "bob", "text", "one".getBytes(StandardCharsets.UTF_8));
    CompletableFuture<SendReceipt> second = client.send("m-2", "bob", "text", "two".getBytes(StandardCharsets.UTF_8));
    List<Integer> completions = new CopyOnWriteArrayList<>();
    first.whenComplete((r, e) -> completions.add(1));

    SendReceipt receipt = get(first);
    SendReceipt secondReceipt = get(second);
    assertEquals("m-1", receipt.clientMsgId());
    assertTrue(receipt.duplicate(), "the retry found the stored original");
    assertEquals(1, receipt.seq());
    assertEquals(5001, receipt.serverMsgId());
    assertEquals("m-2", secondReceipt.clientMsgId());
    assertEquals(2, secondReceipt.seq());
    assertEquals(List.of("m-1", "m-2"),
        server.connections().get(1).received(Frame.BodyCase.SEND).stream().map(f -> f.getSend().getClientMsgId()).toList());
    assertEquals("m-1", server.connections().get(0).received(Frame.BodyCase.SEND).get(0).getSend().getClientMsgId());
    assertEquals(List.of(1), completions);

    await().until(() -> recorder.messages.size() >= 2);
    assertEquals(List.of("m-1", "m-2"), recorder.messages.stream().map(ReceivedMessage::clientMsgId).toList());
    assertTrue(recorder.messages.stream().allMatch(m -> m.outgoing() && m.fromThisDevice()));
    assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), recorder.messages.get(1).content());
  }

  @Test
  @DisplayName("keeps sends made before connecting and sends them after login")
  void sendsQueuedBeforeLogin() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server));

    CompletableFuture<SendReceipt> early = client.send("bob", "text", new byte[] {1});
    get(client.connect());

    assertFalse(get(early).duplicate());
    assertEquals(1, server.received(Frame.BodyCase.SEND).size());
  }

  @Test
  @DisplayName("fails a send with the server's error code when the server refuses it")
  void failsRefusedSend() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onSend(FakeConnection c, Frame f) {
            if (f.getSend().getToUserId().equals("nobody")) {
              c.send(error(f.getRequestId(), ErrorCodes.INVALID_RECIPIENT, "no such user"));
            } else {
              super.onSend(c, f);
            }
          }
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));
    get(client.connect());

    assertEquals(ErrorCodes.INVALID_RECIPIENT, failure(client.send("nobody", "text", new byte[] {1})).code());
    assertEquals(1, get(client.send("bob", "text", new byte[] {1})).seq());
  }

  @Test
  @DisplayName("retries a send the server reports unavailable, with the same client message id")
  void retriesUnavailable() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    FakeScript script =
        new FakeScript() {
          @Override
          void onSend(FakeConnection c, Frame f) {
            if (attempts.incrementAndGet() == 1) {
              c.send(error(f.getRequestId(), ErrorCodes.UNAVAILABLE, "store busy"));
            } else {
              super.onSend(c, f);
            }
          }
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server));
    get(client.connect());

    SendReceipt receipt = get(client.send("m-9", "bob", "text", new byte[] {1}));

    assertEquals(1, receipt.seq());
    assertEquals(List.of("m-9", "m-9"),
        server.received(Frame.BodyCase.SEND).stream().map(f -> f.getSend().getClientMsgId()).toList());
  }

  @Test
  @DisplayName("fails a send larger than the server's limit without sending it")
  void failsOversizedSend() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server));
    get(client.connect());

    assertEquals(ErrorCodes.MESSAGE_TOO_LARGE, failure(client.send("bob", "text", new byte[8193])).code());
    assertEquals(1, get(client.send("bob", "text", new byte[8192])).seq());
    assertEquals(1, server.received(Frame.BodyCase.SEND).size());
  }

  @Test
  @DisplayName("fails fast beyond 10,000 pending sends, and fails pending sends on close")
  void boundsPendingSends() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server));
    List<CompletableFuture<SendReceipt>> sends = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      sends.add(client.send("bob", "text", new byte[] {1}));
    }

    assertEquals(ParleyException.TOO_MANY_PENDING, failure(client.send("bob", "text", new byte[] {1})).code());
    client.close();
    assertEquals(ParleyException.CLIENT_CLOSED, failure(sends.get(0)).code());
    assertEquals(ParleyException.CLIENT_CLOSED, failure(sends.get(9_999)).code());
    assertTrue(server.connections().isEmpty(), "never connected");
  }

  @Test
  @DisplayName("stops after a permanent login refusal, and logs in again when the app asks")
  void stopsOnPermanentRefusal() throws Exception {
    FakeServer server = tcpServer(refusingLogins(1, ErrorCodes.TENCENT_USERSIG_INVALID));
    ParleyClient client = client(builder(server));

    assertEquals(ErrorCodes.TENCENT_USERSIG_INVALID, failure(client.connect()).code());
    await().until(() -> recorder.events.contains("onLoginFailed 70003"));
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> server.connections().size() == 1);
    assertFalse(client.isConnected());

    get(client.connect());
    assertEquals("sig-2", server.connections().get(1).login().getCredential());
    assertFalse(recorder.events.contains("onCredentialExpired"));
  }

  @Test
  @DisplayName("treats every vendor's credential refusal and throttling as final, and reports an expired Rongcloud token")
  void otherVendorsRefusalsAreFinal() throws Exception {
    for (int code : new int[] {ErrorCodes.NETEASE_WRONG_ACCOUNT_OR_TOKEN, ErrorCodes.NETEASE_BLOCKED,
        ErrorCodes.RONGCLOUD_TOKEN_INCORRECT, ErrorCodes.RONGCLOUD_TOKEN_EXPIRED, ErrorCodes.YUNTONGXUN_WRONG_SUBACCOUNT_TOKEN,
        ErrorCodes.YUNTONGXUN_BAD_FORMAT, ErrorCodes.TOO_MANY_LOGIN_ATTEMPTS, ErrorCodes.CREDENTIAL_KIND_NOT_ACCEPTED}) {
      FakeServer server = tcpServer(refusingLogins(Integer.MAX_VALUE, code));
      recorder.events.clear();
      ParleyClient client = client(builder(server));

      assertEquals(code, failure(client.connect()).code());
      await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> server.connections().size() == 1);
      assertEquals(code == ErrorCodes.RONGCLOUD_TOKEN_EXPIRED, recorder.events.contains("onCredentialExpired"),
          "code " + code + ": " + recorder.events);
    }
  }

  @Test
  @DisplayName("keeps retrying a login the server refuses for a passing reason")
  void retriesTransientRefusal() throws Exception {
    FakeServer server = tcpServer(refusingLogins(2, ErrorCodes.UNAVAILABLE));
    ParleyClient client = client(builder(server));

    get(client.connect());

    assertEquals(3, server.connections().size());
    assertTrue(recorder.events.stream().noneMatch(e -> e.startsWith("onLoginFailed")));
  }

  @Test
  @DisplayName("on a CREDENTIAL_EXPIRED kick reports the expiry and does not reconnect")
  void stopsOnCredentialExpiry() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server));
    get(client.connect());

    FakeConnection first = server.connections().get(0);
    first.send(Frame.newBuilder().setKick(Kick.newBuilder().setReason(io.parley.protocol.v1.KickReason.CREDENTIAL_EXPIRED)).build());
    first.close();

    await().until(() -> recorder.events.contains("onDisconnected"));
    assertEquals(List.of("onConnected", "onKicked CREDENTIAL_EXPIRED", "onCredentialExpired", "onDisconnected"), recorder.events);
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> server.connections().size() == 1);
    assertFalse(client.isConnected());

    get(client.connect());
    assertEquals("sig-2", server.connections().get(1).login().getCredential());
  }

  @Test
  @DisplayName("on a LOGGED_IN_ELSEWHERE kick does not reconnect, on a SERVER_SHUTDOWN kick does")
  void kickReasonsDecideReconnect() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server));
    get(client.connect());

    server.connections().get(0).send(
        Frame.newBuilder().setKick(Kick.newBuilder().setReason(io.parley.protocol.v1.KickReason.SERVER_SHUTDOWN)).build());
    await().until(() -> server.connections().size() == 2 && client.isConnected());

    server.connections().get(1).send(
        Frame.newBuilder().setKick(Kick.newBuilder().setReason(io.parley.protocol.v1.KickReason.LOGGED_IN_ELSEWHERE)).build());
    await().until(() -> recorder.events.contains("onKicked LOGGED_IN_ELSEWHERE"));
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> server.connections().size() == 2);
    assertFalse(client.isConnected());
    assertFalse(recorder.events.contains("onCredentialExpired"));
  }

  @Test
  @DisplayName("pings at a growing interval while pongs come back")
  void heartbeatGrows() throws Exception {
    FakeScript script = new FakeScript();
    script.heartbeatMinMs = 20;
    script.heartbeatMaxMs = 200;
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server).heartbeatStepMs(20));
    get(client.connect());

    await().until(() -> server.received(Frame.BodyCase.PING).stream().anyMatch(f -> f.getPing().getIntervalMs() >= 60));
    List<Integer> intervals = server.received(Frame.BodyCase.PING).stream().map(f -> f.getPing().getIntervalMs()).toList();
    assertEquals(20, intervals.get(0));
    for (int i = 1; i < intervals.size(); i++) {
      assertTrue(intervals.get(i) >= intervals.get(i - 1), "intervals " + intervals);
    }
  }

  @Test
  @DisplayName("drops the connection when a pong does not come, reconnects, and settles below the failing interval")
  void heartbeatTimeout() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onPing(FakeConnection c, Frame f) {
            if (c.index() > 0 || f.getPing().getIntervalMs() < 60) {
              super.onPing(c, f);
            }
          }
        };
    script.heartbeatMinMs = 20;
    script.heartbeatMaxMs = 200;
    FakeServer server = tcpServer(script);
    ParleyClient client = client(builder(server).heartbeatStepMs(20));
    get(client.connect());

    await().until(() -> server.connections().size() == 2 && client.isConnected());
    assertEquals(40, client.heartbeatIntervalMs());
    await().until(() -> server.connections().get(1).received(Frame.BodyCase.PING).size() >= 3);
    assertTrue(server.connections().get(1).received(Frame.BodyCase.PING).stream().allMatch(f -> f.getPing().getIntervalMs() == 40));
    assertEquals(1, recorder.count("onDisconnected"));
  }

  @Test
  @DisplayName("logs in over a WebSocket and receives pushes")
  void webSocket() throws Exception {
    FakeServer server = FakeServer.webSocket(new FakeScript().withIncoming(2));
    toClose.add(server);
    ParleyClient client =
        client(builder(server).webSocket(server.webSocketUri()));

    LoginInfo info = get(client.connect());

    assertEquals(77, info.sessionId());
    await().until(() -> recorder.messages.size() >= 2);
    assertEquals(seqsUpTo(2), recorder.seqs());
    assertEquals(1, get(client.send("bob", "text", new byte[] {1})).seq() - 2);
  }

  @Test
  @DisplayName("delivers nothing more once closed, even within a batch")
  void closeStopsDelivery() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(timeline, 3));
          }
        }.withIncoming(3);
    FakeServer server = tcpServer(script);
    AtomicInteger delivered = new AtomicInteger();
    ParleyClient[] self = new ParleyClient[1];
    ParleyClient client =
        client(builder(server).listener(new ParleyListener() {
          @Override
          public void onMessage(ReceivedMessage message) {
            delivered.incrementAndGet();
            self[0].close();
          }
        }));
    self[0] = client;

    get(client.connect());

    await().until(() -> delivered.get() >= 1);
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> delivered.get() == 1);
    assertEquals(1, client.lastAckedSeq());
  }

  @Test
  @DisplayName("fails connect and send after close")
  void closed() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(builder(server));
    get(client.connect());

    client.close();

    assertEquals(ParleyException.CLIENT_CLOSED, failure(client.connect()).code());
    assertEquals(ParleyException.CLIENT_CLOSED, failure(client.send("bob", "text", new byte[] {1})).code());
    assertFalse(client.isConnected());
  }

  /** A script that refuses the logins of the first {@code connections} connections with {@code code}, then accepts. */
  private static FakeScript refusingLogins(int connections, int code) {
    return new FakeScript() {
      @Override
      void onLogin(FakeConnection c, Frame f) {
        if (c.index() < connections) {
          c.send(error(f.getRequestId(), code, "refused"));
          c.close();
        } else {
          super.onLogin(c, f);
        }
      }
    };
  }
}
