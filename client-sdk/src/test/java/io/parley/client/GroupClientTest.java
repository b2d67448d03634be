package io.parley.client;

import static io.parley.client.FakeScript.error;
import static io.parley.client.FakeScript.groupHint;
import static io.parley.client.FakeScript.groupMessage;
import static io.parley.client.FakeScript.groupNotification;
import static io.parley.client.FakeScript.groupTip;
import static io.parley.client.FakeScript.push;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.AnswerApplication;
import io.parley.protocol.v1.AnswerInvitation;
import io.parley.protocol.v1.ApplyToGroup;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.DismissGroup;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.GetGroups;
import io.parley.protocol.v1.GetMembers;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.GroupMember;
import io.parley.protocol.v1.GroupMuteAll;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupPull;
import io.parley.protocol.v1.GroupReceiveOption;
import io.parley.protocol.v1.GroupRequest;
import io.parley.protocol.v1.GroupResult;
import io.parley.protocol.v1.GroupRole;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.GroupTipType;
import io.parley.protocol.v1.InviteToGroup;
import io.parley.protocol.v1.KickFromGroup;
import io.parley.protocol.v1.MemberOutcome;
import io.parley.protocol.v1.MemberOutcomeKind;
import io.parley.protocol.v1.ModifyGroup;
import io.parley.protocol.v1.MuteAllMembers;
import io.parley.protocol.v1.MuteMembers;
import io.parley.protocol.v1.MyGroups;
import io.parley.protocol.v1.QuitGroup;
import io.parley.protocol.v1.Send;
import io.parley.protocol.v1.SetAdmin;
import io.parley.protocol.v1.SetMemberInfo;
import io.parley.protocol.v1.SetReceiveOption;
import io.parley.protocol.v1.TransferOwner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ParleyClient groups against a scripted server")
class GroupClientTest {
  private static final Duration QUIET = Duration.ofMillis(500);

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Recorder recorder = new Recorder();

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

  private ParleyClient client(FakeServer server) {
    ParleyClient client = ParleyClient.builder()
        .tcp("127.0.0.1", server.port())
        .appId("1400000000")
        .userId("alice")
        .credential(CredentialKind.TENCENT_USERSIG, () -> "sig")
        .deviceId("laptop-1")
        .listener(recorder)
        .reconnectBackoff(Duration.ofMillis(5), Duration.ofMillis(50))
        .build();
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

  private static GroupSeq groupSeq(String group, long newest, long read) {
    return GroupSeq.newBuilder().setGroupId(group).setNewestSeq(newest).setReadSeq(read).build();
  }

  private static List<GroupPull> pulls(FakeServer server) {
    return server.received(Frame.BodyCase.GROUP_PULL).stream().map(Frame::getGroupPull).toList();
  }

  private static List<Long> groupAcks(FakeServer server, String group) {
    return server.received(Frame.BodyCase.GROUP_ACK).stream().map(Frame::getGroupAck)
        .filter(a -> a.getGroupId().equals(group)).map(a -> a.getSeq()).toList();
  }

  // ---------------------------------------------------------------- group requests

  private static final GroupInfo INFO = GroupInfo.newBuilder().setGroupId("g1").setName("Hikers").setOwner("alice")
      .setMemberCount(3).build();
  private static final MemberOutcome DONE = MemberOutcome.newBuilder().setUserId("bob")
      .setKind(MemberOutcomeKind.MEMBER_DONE).build();
  private static final MemberOutcome REFUSED = MemberOutcome.newBuilder().setUserId("carol")
      .setKind(MemberOutcomeKind.MEMBER_REFUSED).setCode(3001).setMessage("full").build();
  private static final GroupMember BOB = GroupMember.newBuilder().setUserId("bob").setRole(GroupRole.GROUP_ADMIN).build();
  private static final GroupResult GROUPS = GroupResult.newBuilder().addGroups(INFO).build();
  private static final GroupResult OUTCOMES = GroupResult.newBuilder().addOutcomes(DONE).addOutcomes(REFUSED).build();
  private static final GroupResult EMPTY = GroupResult.getDefaultInstance();

  private static Arguments op(String name, Function<GroupClient, CompletableFuture<?>> call, GroupRequest.Builder sent,
      GroupResult answer, Object expected) {
    return Arguments.of(name, call, sent.build(), answer, expected);
  }

  static Stream<Arguments> operations() {
    CreateGroup create = CreateGroup.newBuilder().setName("Hikers").setKind("tencent.Public").build();
    ModifyGroup modify = ModifyGroup.newBuilder().setGroupId("g1").setName("Hikers").build();
    SetMemberInfo info = SetMemberInfo.newBuilder().setGroupId("g1").setUserId("alice").setNameCard("Al").build();
    return Stream.of(
        op("create", g -> g.create(create), GroupRequest.newBuilder().setCreate(create), GROUPS, INFO),
        op("get", g -> g.get(List.of("g1", "g2")),
            GroupRequest.newBuilder().setGet(GetGroups.newBuilder().addGroupIds("g1").addGroupIds("g2")), GROUPS,
            List.of(INFO)),
        op("members", g -> g.members("g1", GroupRole.GROUP_ADMIN, "c-1", 50),
            GroupRequest.newBuilder().setMembers(GetMembers.newBuilder().setGroupId("g1").setRole(GroupRole.GROUP_ADMIN)
                .setCursor("c-1").setLimit(50)),
            GroupResult.newBuilder().addMembers(BOB).setNextCursor("c-2").build(),
            new GroupMemberPage(List.of(BOB), "c-2")),
        op("myGroups", GroupClient::myGroups, GroupRequest.newBuilder().setMyGroups(MyGroups.getDefaultInstance()),
            GROUPS, List.of(INFO)),
        op("apply", g -> g.apply("g1", "let me in"),
            GroupRequest.newBuilder().setApply(ApplyToGroup.newBuilder().setGroupId("g1").setReason("let me in")),
            OUTCOMES, DONE),
        op("answerApplication", g -> g.answerApplication("g1", "bob", true, "welcome"),
            GroupRequest.newBuilder().setAnswerApplication(AnswerApplication.newBuilder().setGroupId("g1")
                .setApplicant("bob").setAccept(true).setReason("welcome")),
            OUTCOMES, DONE),
        op("invite", g -> g.invite("g1", List.of("bob", "carol"), "join"),
            GroupRequest.newBuilder().setInvite(InviteToGroup.newBuilder().setGroupId("g1").addUserIds("bob")
                .addUserIds("carol").setReason("join")),
            OUTCOMES, List.of(DONE, REFUSED)),
        op("answerInvitation", g -> g.answerInvitation("g1", "bob", false, "busy"),
            GroupRequest.newBuilder().setAnswerInvitation(AnswerInvitation.newBuilder().setGroupId("g1")
                .setInviter("bob").setAccept(false).setReason("busy")),
            OUTCOMES, DONE),
        op("quit", g -> g.quit("g1"), GroupRequest.newBuilder().setQuit(QuitGroup.newBuilder().setGroupId("g1")),
            EMPTY, null),
        op("kick", g -> g.kick("g1", List.of("bob"), "spam"),
            GroupRequest.newBuilder().setKick(KickFromGroup.newBuilder().setGroupId("g1").addUserIds("bob")
                .setReason("spam")),
            OUTCOMES, List.of(DONE, REFUSED)),
        op("dismiss", g -> g.dismiss("g1"),
            GroupRequest.newBuilder().setDismiss(DismissGroup.newBuilder().setGroupId("g1")), EMPTY, null),
        op("transferOwner", g -> g.transferOwner("g1", "bob"),
            GroupRequest.newBuilder().setTransfer(TransferOwner.newBuilder().setGroupId("g1").setNewOwner("bob")),
            EMPTY, null),
        op("setAdmin", g -> g.setAdmin("g1", "bob", true),
            GroupRequest.newBuilder().setSetAdmin(SetAdmin.newBuilder().setGroupId("g1").setUserId("bob")
                .setAdmin(true)),
            EMPTY, null),
        op("mute", g -> g.mute("g1", List.of("bob"), 600),
            GroupRequest.newBuilder().setMute(MuteMembers.newBuilder().setGroupId("g1").addUserIds("bob")
                .setSeconds(600)),
            OUTCOMES, List.of(DONE, REFUSED)),
        op("muteAll", g -> g.muteAll("g1", GroupMuteAll.GROUP_MUTE_ALL_MEMBERS),
            GroupRequest.newBuilder().setMuteAll(MuteAllMembers.newBuilder().setGroupId("g1")
                .setLevel(GroupMuteAll.GROUP_MUTE_ALL_MEMBERS)),
            EMPTY, null),
        op("modify", g -> g.modify(modify), GroupRequest.newBuilder().setModify(modify), GROUPS, INFO),
        op("setMemberInfo", g -> g.setMemberInfo(info), GroupRequest.newBuilder().setSetMemberInfo(info), EMPTY,
            null),
        op("setReceiveOption", g -> g.setReceiveOption("g1", GroupReceiveOption.GROUP_RECEIVE_SILENT),
            GroupRequest.newBuilder().setSetReceiveOption(SetReceiveOption.newBuilder().setGroupId("g1")
                .setReceive(GroupReceiveOption.GROUP_RECEIVE_SILENT)),
            EMPTY, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @DisplayName("each group operation sends its request with a fresh request id and completes with the result's part")
  void operation(String name, Function<GroupClient, CompletableFuture<?>> call, GroupRequest sent, GroupResult answer,
      Object expected) throws Exception {
    FakeScript script = new FakeScript();
    script.groupResult = answer;
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());

    Object first = get(call.apply(client.groups()));
    Object second = get(call.apply(client.groups()));

    assertEquals(expected, first);
    assertEquals(expected, second);
    List<Frame> frames = server.received(Frame.BodyCase.GROUP_REQUEST);
    assertEquals(List.of(sent, sent), frames.stream().map(Frame::getGroupRequest).toList());
    int login = server.received(Frame.BodyCase.LOGIN).get(0).getRequestId();
    List<Integer> ids = frames.stream().map(Frame::getRequestId).toList();
    assertTrue(ids.get(0) != 0 && ids.get(0) != login && !ids.get(0).equals(ids.get(1)), "request ids " + ids);
  }

  @Test
  @DisplayName("a group refusal fails the future with the server's code and message")
  void refusal() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onGroupRequest(FakeConnection c, Frame f) {
            c.send(error(f.getRequestId(), 3004, "only the owner may dismiss the group"));
          }
        };
    ParleyClient client = client(tcpServer(script));
    get(client.connect());

    ParleyException e = failure(client.groups().dismiss("g1"));

    assertEquals(3004, e.code());
    assertTrue(e.getMessage().contains("only the owner may dismiss the group"), e.getMessage());
    assertTrue(client.isConnected(), "a refusal does not end the session");
  }

  @Test
  @DisplayName("a create answered without the group fails rather than completing with nothing")
  void malformedResult() throws Exception {
    ParleyClient client = client(tcpServer(new FakeScript()));
    get(client.connect());

    assertEquals(ParleyException.MALFORMED_RESULT, failure(client.groups().create(CreateGroup.getDefaultInstance())).code());
  }

  @Test
  @DisplayName("a group request while not logged in fails fast and is never sent, and after close fails as closed")
  void notConnected() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(server);

    assertEquals(ParleyException.NOT_CONNECTED, failure(client.groups().myGroups()).code());
    get(client.connect());
    get(client.groups().myGroups());
    client.close();

    assertEquals(ParleyException.CLIENT_CLOSED, failure(client.groups().myGroups()).code());
    assertEquals(1, server.received(Frame.BodyCase.GROUP_REQUEST).size());
  }

  @Test
  @DisplayName("a group request whose connection is lost before the answer fails, and is not resent after reconnecting")
  void lostConnection() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onGroupRequest(FakeConnection c, Frame f) {
            if (c.index() == 0) {
              c.close();
            } else {
              super.onGroupRequest(c, f);
            }
          }
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());

    assertEquals(ParleyException.NOT_CONNECTED, failure(client.groups().quit("g1")).code());
    await().until(() -> server.connections().size() == 2 && client.isConnected());
    get(client.groups().quit("g1"));
    assertEquals(List.of(1, 1), server.connections().stream()
        .map(c -> c.received(Frame.BodyCase.GROUP_REQUEST).size()).toList());
  }

  // ---------------------------------------------------------------- group sends

  @Test
  @DisplayName("a group send carries the group id instead of a recipient and its receipt has the group seq")
  void groupSend() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(server);
    get(client.connect());

    SendReceipt first = get(client.sendToGroup("g1", Elements.text("hi all")));
    SendReceipt second = get(client.sendToGroup("m-2", "g1", Elements.text("again")));
    SendReceipt direct = get(client.send("bob", Elements.text("hi bob")));

    assertEquals(1, first.groupSeq());
    assertEquals(2, second.groupSeq());
    assertEquals("m-2", second.clientMsgId());
    assertEquals(0, direct.groupSeq());
    Send sent = server.received(Frame.BodyCase.SEND).get(0).getSend();
    assertEquals("g1", sent.getGroupId());
    assertEquals("", sent.getToUserId());
    assertEquals(List.of(Elements.text("hi all")), sent.getElementsList());
    await().until(() -> recorder.messages.size() >= 3);
    ReceivedMessage echo = recorder.messages.get(1);
    assertEquals("g1", echo.groupId());
    assertEquals(2, echo.groupSeq());
    assertEquals(2, echo.seq());
    assertTrue(echo.isGroup() && echo.fromThisDevice());
    assertEquals("", recorder.messages.get(2).groupId());
    assertEquals(0, recorder.messages.get(2).groupSeq());
  }

  @Test
  @DisplayName("a group send the server reports unavailable is retried with the same client message id")
  void groupSendRetry() throws Exception {
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
    ParleyClient client = client(server);
    get(client.connect());

    SendReceipt receipt = get(client.sendToGroup("m-7", "g1", Elements.text("hi")));

    assertEquals(1, receipt.groupSeq());
    List<Send> sends = server.received(Frame.BodyCase.SEND).stream().map(Frame::getSend).toList();
    assertEquals(List.of("m-7", "m-7"), sends.stream().map(Send::getClientMsgId).toList());
    assertEquals(List.of("g1", "g1"), sends.stream().map(Send::getGroupId).toList());
  }

  // ---------------------------------------------------------------- tips and notifications in the timeline

  @Test
  @DisplayName("a group tip in the timeline reaches onGroupTip in order between messages and is acked like them")
  void tipInTimeline() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(List.of(groupMessage(1, "g1", 7, "before"), groupTip(2, "g1", 8, GroupTipType.GROUP_TIP_KICKED),
                groupMessage(3, "g1", 9, "after")), 3));
          }
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);

    get(client.connect());

    await().until(() -> client.lastAckedSeq() == 3
        && server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 3));
    assertEquals(List.of("message g1 7", "tip g1 8", "message g1 9"), recorder.order);
    assertEquals(GroupTipType.GROUP_TIP_KICKED, recorder.tips.get(0).getType());
    assertEquals(List.of("carol"), recorder.tips.get(0).getUsersList());
    assertEquals(List.of(1L, 3L), recorder.seqs());
    assertEquals(0, client.groupUnread("g1"), "a group in the user's timeline has no unread count of its own");
  }

  @Test
  @DisplayName("a group notification reaches onGroupNotification in order and is acked")
  void notificationInTimeline() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onLogin(FakeConnection c, Frame f) {
            c.send(loginResult(f));
            c.send(push(List.of(groupNotification(1, "g2", GroupNotificationType.GROUP_NOTIFICATION_INVITATION)), 1));
          }
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);

    get(client.connect());

    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 1));
    assertEquals(List.of("notification g2 GROUP_NOTIFICATION_INVITATION"), recorder.order);
    assertEquals("join us", recorder.notifications.get(0).getReason());
    assertEquals(1, client.lastAckedSeq());
  }

  // ---------------------------------------------------------------- large groups: read fan-out

  @Test
  @DisplayName("read_groups at login pulls each group after its read seq, delivers in group seq order and acks it")
  void readGroupsAtLogin() throws Exception {
    FakeScript script = new FakeScript().withGroupHistory("big", 6).withGroupHistory("huge", 2);
    script.readGroups.add(groupSeq("big", 6, 2));
    script.readGroups.add(groupSeq("huge", 2, 2));
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);

    get(client.connect());

    await().until(() -> groupAcks(server, "big").contains(6L));
    assertEquals(List.of(GroupPull.newBuilder().setGroupId("big").setAfterSeq(2).build()), pulls(server),
        "a group read up to its newest seq is not pulled");
    assertEquals(List.of("tip big 3", "message big 4", "message big 5", "tip big 6"), recorder.order);
    ReceivedMessage m = recorder.messages.get(0);
    assertEquals("big", m.groupId());
    assertEquals(4, m.groupSeq());
    assertEquals(0, m.seq(), "a message of a group's own history has no timeline seq");
    assertEquals(0, client.lastAckedSeq(), "the user's timeline cursor does not move");
    assertTrue(server.received(Frame.BodyCase.ACK).isEmpty());
    assertEquals(0, client.groupUnread("big"));
    assertTrue(groupAcks(server, "huge").isEmpty());
  }

  @Test
  @DisplayName("a push saying a group has a newer seq makes the client pull it")
  void hintPulls() throws Exception {
    FakeScript script = new FakeScript().withGroupHistory("big", 2);
    script.readGroups.add(groupSeq("big", 2, 2));
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());

    script.withGroupHistory("big", 4);
    server.connections().get(0).send(groupHint("big", 4));

    await().until(() -> groupAcks(server, "big").contains(4L));
    assertEquals(List.of(2L), pulls(server).stream().map(GroupPull::getAfterSeq).toList());
    assertEquals(List.of("tip big 3", "message big 4"), recorder.order);
  }

  @Test
  @DisplayName("hints arriving while a pull runs make one more pull after it, never two at once")
  void coalescesHints() throws Exception {
    List<Frame> held = new CopyOnWriteArrayList<>();
    FakeScript script =
        new FakeScript() {
          @Override
          void onGroupPull(FakeConnection c, Frame f) {
            held.add(f); // answered by the test
          }
        }.withGroupHistory("big", 3);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    FakeConnection conn = server.connections().get(0);

    conn.send(groupHint("big", 3));
    await().until(() -> held.size() == 1);
    script.withGroupHistory("big", 5);
    conn.send(groupHint("big", 4));
    conn.send(groupHint("big", 5));
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> held.size() == 1);
    conn.send(script.groupPullResult(held.get(0)).toBuilder()
        .setGroupPullResult(script.groupPullResult(held.get(0)).getGroupPullResult().toBuilder()
            .clearEntries().addAllEntries(script.groupHistories.get("big").subList(0, 3)).setHasMore(false)
            .setNewestSeq(3))
        .build());
    await().until(() -> held.size() == 2);
    conn.send(script.groupPullResult(held.get(1)));

    await().until(() -> groupAcks(server, "big").contains(5L));
    assertEquals(List.of(0L, 3L), held.stream().map(f -> f.getGroupPull().getAfterSeq()).toList());
    assertEquals(List.of("message big 1", "message big 2", "tip big 3", "message big 4", "message big 5"),
        recorder.order);
  }

  @Test
  @DisplayName("pages through a group's history while the server says there is more")
  void pagesWhileHasMore() throws Exception {
    FakeScript script = new FakeScript().withGroupHistory("big", 5);
    script.groupPullPageSize = 2;
    script.readGroups.add(groupSeq("big", 5, 0));
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);

    get(client.connect());

    await().until(() -> groupAcks(server, "big").contains(5L));
    assertEquals(List.of(0L, 2L, 4L), pulls(server).stream().map(GroupPull::getAfterSeq).toList());
    assertTrue(pulls(server).stream().allMatch(p -> p.getLimit() == 0), "limit 0: the server's page size");
    assertEquals(List.of("message big 1", "message big 2", "tip big 3", "message big 4", "message big 5"),
        recorder.order);
  }

  @Test
  @DisplayName("delivers nothing twice: a hint of an old seq pulls nothing, a stale read seq after a reconnect resumes after what was processed")
  void nothingTwice() throws Exception {
    FakeScript script = new FakeScript().withGroupHistory("big", 3);
    script.readGroups.add(groupSeq("big", 3, 0));
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    await().until(() -> groupAcks(server, "big").contains(3L));

    server.connections().get(0).send(groupHint("big", 3));
    server.connections().get(0).send(groupHint("big", 2));
    await().during(QUIET).atMost(QUIET.multipliedBy(4)).until(() -> pulls(server).size() == 1);

    script.withGroupHistory("big", 4);
    script.readGroups.clear();
    script.readGroups.add(groupSeq("big", 4, 1)); // the server lost the ack of 3
    server.connections().get(0).close();

    await().until(() -> groupAcks(server, "big").contains(4L));
    assertEquals(List.of(0L, 3L), pulls(server).stream().map(GroupPull::getAfterSeq).toList());
    assertEquals(List.of("message big 1", "message big 2", "tip big 3", "message big 4"), recorder.order);
    assertEquals(3L, server.connections().get(1).received(Frame.BodyCase.GROUP_ACK).get(0).getGroupAck().getSeq(),
        "the ack the server lost is sent again at login");
  }

  @Test
  @DisplayName("groupUnread is the group's newest known seq minus what was processed, 0 for a group not read this way")
  void groupUnread() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onGroupPull(FakeConnection c, Frame f) {} // never answered: nothing gets processed
        };
    script.readGroups.add(groupSeq("big", 10, 4));
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());

    assertEquals(6, client.groupUnread("big"));
    assertEquals(0, client.groupUnread("small"));
    server.connections().get(0).send(groupHint("big", 12));
    await().until(() -> client.groupUnread("big") == 8);
    assertEquals(1, pulls(server).size(), "one pull in flight per group");
  }

  @Test
  @DisplayName("a refused group pull leaves the session up, and the next hint pulls again")
  void refusedPull() throws Exception {
    AtomicInteger pullsSeen = new AtomicInteger();
    FakeScript script =
        new FakeScript() {
          @Override
          void onGroupPull(FakeConnection c, Frame f) {
            if (pullsSeen.incrementAndGet() == 1) {
              c.send(error(f.getRequestId(), 3010, "not a member"));
            } else {
              super.onGroupPull(c, f);
            }
          }
        }.withGroupHistory("big", 2);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());

    server.connections().get(0).send(groupHint("big", 2));
    await().until(() -> pullsSeen.get() == 1);
    server.connections().get(0).send(groupHint("big", 2));

    await().until(() -> groupAcks(server, "big").contains(2L));
    assertEquals(List.of(0L, 0L), pulls(server).stream().map(GroupPull::getAfterSeq).toList());
    assertEquals(1, server.connections().size());
    assertTrue(client.isConnected());
  }

  // ---------------------------------------------------------------- the switch: one event both ways

  /** A script whose group pulls answer from {@code switchSeq} on, whatever they ask for: the group's own history starts there. */
  private static FakeScript fromSwitch(long switchSeq) {
    return new FakeScript() {
      @Override
      void onGroupPull(FakeConnection c, Frame f) {
        c.send(groupPullResult(f.toBuilder()
            .setGroupPull(f.getGroupPull().toBuilder().setAfterSeq(Math.min(f.getGroupPull().getAfterSeq(), switchSeq - 1)))
            .build()));
      }
    };
  }

  private static long count(List<String> order, String event) {
    return order.stream().filter(event::equals).count();
  }

  @Test
  @DisplayName("a group message from the timeline that a group pull brings again reaches onMessage once")
  void timelineThenPull() throws Exception {
    FakeScript script = fromSwitch(2).withGroupHistory("big", 4);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    FakeConnection conn = server.connections().get(0);

    conn.send(push(List.of(groupMessage(1, "big", 1, "small still"), groupMessage(2, "big", 2, "at the switch")), 2));
    await().until(() -> client.lastAckedSeq() == 2);
    conn.send(groupHint("big", 4));

    await().until(() -> groupAcks(server, "big").contains(4L));
    assertEquals(List.of("message big 1", "message big 2", "tip big 3", "message big 4"), recorder.order);
    assertEquals(2, client.lastAckedSeq());
    assertEquals(0, client.groupUnread("big"));
  }

  @Test
  @DisplayName("a push carrying a group's last timeline messages and its first hint at once delivers each message once")
  void switchInOnePush() throws Exception {
    FakeScript script = fromSwitch(2).withGroupHistory("big", 4);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());

    server.connections().get(0).send(Frame.newBuilder().setPush(io.parley.protocol.v1.Push.newBuilder()
        .addEntries(groupMessage(1, "big", 1, "small still")).addEntries(groupMessage(2, "big", 2, "at the switch"))
        .setNewestSeq(2).addGroups(groupSeq("big", 4, 0))).build());

    await().until(() -> groupAcks(server, "big").contains(4L) && client.lastAckedSeq() == 2);
    assertEquals(List.of("message big 1", "message big 2", "tip big 3", "message big 4"), recorder.order);
  }

  @Test
  @DisplayName("a group message already delivered by a group pull is not delivered again from the timeline, and its entry is still acked")
  void pullThenTimeline() throws Exception {
    FakeScript script = new FakeScript().withGroupHistory("big", 4);
    script.readGroups.add(groupSeq("big", 4, 1));
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    await().until(() -> groupAcks(server, "big").contains(4L));

    server.connections().get(0).send(push(List.of(groupMessage(1, "big", 2, "late copy"),
        groupMessage(2, "big", 4, "late copy"), FakeScript.entry(3, "bob", "alice", "direct")), 3));

    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 3));
    assertEquals(List.of("message big 2", "tip big 3", "message big 4", "message 3"), recorder.order);
    assertEquals(3, client.lastAckedSeq(), "the skipped entries' timeline seqs are processed as usual");
  }

  @Test
  @DisplayName("a group tip that arrives both ways reaches onGroupTip once, in either order")
  void tipBothWays() throws Exception {
    FakeScript script = fromSwitch(3).withGroupHistory("big", 4);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    FakeConnection conn = server.connections().get(0);

    // The timeline first: the tip at the switch, then the pull brings it again.
    conn.send(push(List.of(groupMessage(1, "big", 2, "small still"),
        groupTip(2, "big", 3, GroupTipType.GROUP_TIP_JOINED)), 2));
    await().until(() -> client.lastAckedSeq() == 2);
    conn.send(groupHint("big", 4));
    await().until(() -> groupAcks(server, "big").contains(4L));
    // Then the other way: the group's history has a newer tip, pulled first, and the timeline brings it late.
    script.withGroupHistory("big", 6);
    conn.send(groupHint("big", 6));
    await().until(() -> groupAcks(server, "big").contains(6L));
    conn.send(push(List.of(groupTip(3, "big", 6, GroupTipType.GROUP_TIP_JOINED)), 3));

    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 3));
    assertEquals(List.of("message big 2", "tip big 3", "message big 4", "message big 5", "tip big 6"), recorder.order);
    assertEquals(1, count(recorder.order, "tip big 3"));
    assertEquals(1, count(recorder.order, "tip big 6"));
    assertEquals(3, client.lastAckedSeq());
  }

  // ---------------------------------------------------------------- online-only entries (seq 0)

  private static io.parley.protocol.v1.TimelineEntry live(String room, String text) {
    return groupMessage(0, room, 0, text);
  }

  @Test
  @DisplayName("a pushed group message with seq 0 reaches onMessage, is not acked and leaves lastAckedSeq alone")
  void onlineOnly() throws Exception {
    FakeScript script = new FakeScript().withIncoming(2);
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 2));
    int acksBefore = server.received(Frame.BodyCase.ACK).size();

    server.connections().get(0).send(push(List.of(live("room", "live now")), 2));

    await().until(() -> recorder.order.contains("message room 0"));
    ReceivedMessage m = recorder.messages.get(2);
    assertEquals("room", m.groupId());
    assertEquals(0, m.seq());
    await().during(QUIET).atMost(QUIET.multipliedBy(4))
        .until(() -> client.lastAckedSeq() == 2 && server.received(Frame.BodyCase.ACK).size() == acksBefore);
    assertTrue(server.received(Frame.BodyCase.PULL).isEmpty(), "an online-only entry is not a gap");
  }

  @Test
  @DisplayName("a seq 0 entry between two timeline entries is delivered between them and does not disturb their delivery or acks")
  void onlineOnlyBetween() throws Exception {
    FakeServer server = tcpServer(new FakeScript());
    ParleyClient client = client(server);
    get(client.connect());
    FakeConnection conn = server.connections().get(0);

    conn.send(push(List.of(FakeScript.entry(1, "bob", "alice", "one"), live("room", "live"),
        FakeScript.entry(2, "bob", "alice", "two")), 2));
    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 2));
    conn.send(push(List.of(live("room", "live again")), 2));
    conn.send(push(List.of(FakeScript.entry(3, "bob", "alice", "three")), 3));

    await().until(() -> server.received(Frame.BodyCase.ACK).stream().anyMatch(f -> f.getAck().getSeq() == 3));
    assertEquals(List.of("message 1", "message room 0", "message 2", "message room 0", "message 3"), recorder.order);
    assertEquals(3, client.lastAckedSeq());
    assertTrue(server.received(Frame.BodyCase.ACK).stream().allMatch(f -> f.getAck().getSeq() > 0), "never an ack of 0");
    assertTrue(server.received(Frame.BodyCase.PULL).isEmpty(), "no gap, no pull");
  }

  @Test
  @DisplayName("fails fast beyond 1,000 unanswered group requests")
  void boundsPendingRequests() throws Exception {
    FakeScript script =
        new FakeScript() {
          @Override
          void onGroupRequest(FakeConnection c, Frame f) {} // never answered
        };
    FakeServer server = tcpServer(script);
    ParleyClient client = client(server);
    get(client.connect());
    List<CompletableFuture<List<GroupInfo>>> waiting = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      waiting.add(client.groups().myGroups());
    }

    assertEquals(ParleyException.TOO_MANY_PENDING, failure(client.groups().myGroups()).code());
    client.close();
    assertEquals(ParleyException.CLIENT_CLOSED, failure(waiting.get(0)).code());
    assertEquals(ParleyException.CLIENT_CLOSED, failure(waiting.get(999)).code());
  }
}
