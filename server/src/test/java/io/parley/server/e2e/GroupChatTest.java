package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyException;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTipType;
import io.parley.protocol.v1.MemberOutcomeKind;
import io.parley.protocol.v1.NewGroupMember;
import io.parley.server.group.GroupCodes;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A small group chats through its members' timelines")
class GroupChatTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final ServerExtension running = new ServerExtension();

  private final Map<String, Recorder> inbox = new HashMap<>();
  private final List<ParleyClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(ParleyClient::close);
  }

  private ParleyClient online(String user) throws Exception {
    Recorder rec = inbox.computeIfAbsent(user, u -> new Recorder());
    ParleyClient c = Clients.tcp(running.server(), user, rec).build();
    clients.add(c);
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  static <T> T done(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  static GroupInfo create(ParleyClient owner, String kind, String... members) throws Exception {
    CreateGroup.Builder create = CreateGroup.newBuilder().setKind(kind).setName("team");
    for (String m : members) {
      create.addMembers(NewGroupMember.newBuilder().setUserId(m));
    }
    return done(owner.groups().create(create.build()));
  }

  static int refusalCode(CompletableFuture<?> f) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ParleyException, e.getCause().toString());
    return ((ParleyException) e.getCause()).code();
  }

  @Test
  @DisplayName("every member gets every message of the group once, in group order, with the group's seq")
  void everyMessageOnceInOrder() throws Exception {
    ParleyClient alice = online("alice");
    ParleyClient bob = online("bob");
    online("carol");
    GroupInfo g = create(alice, "tencent.Public", "bob", "carol");
    List<CompletableFuture<SendReceipt>> sent = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sent.add((i % 2 == 0 ? alice : bob).sendToGroup(g.getGroupId(), Elements.text("m" + i)));
    }
    for (CompletableFuture<SendReceipt> f : sent) {
      assertTrue(done(f).groupSeq() > 0);
    }
    for (String user : List.of("alice", "bob", "carol")) {
      Recorder rec = inbox.get(user);
      await().atMost(WAIT).until(() -> rec.inGroup(g.getGroupId()).size() >= 40);
      List<ReceivedMessage> got = rec.inGroup(g.getGroupId());
      assertEquals(40, got.size(), user + " got each message once");
      for (int i = 1; i < got.size(); i++) {
        assertTrue(got.get(i).groupSeq() > got.get(i - 1).groupSeq(), user + " in group order");
      }
    }
  }

  @Test
  @DisplayName("a sender's messages, sent without waiting for answers, keep their order in the group")
  void sendersOrderKept() throws Exception {
    ParleyClient alice = online("alice");
    online("bob");
    GroupInfo g = create(alice, "tencent.Public", "bob");
    List<CompletableFuture<SendReceipt>> sent = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sent.add(alice.sendToGroup(g.getGroupId(), Elements.text("m" + i)));
      texts.add("m" + i);
    }
    long last = 0;
    for (CompletableFuture<SendReceipt> f : sent) {
      long seq = done(f).groupSeq();
      assertTrue(seq > last, "group seqs follow the order sent");
      last = seq;
    }
    Recorder bob = inbox.get("bob");
    await().atMost(WAIT).until(() -> bob.inGroup(g.getGroupId()).size() >= 60);
    assertEquals(texts, bob.inGroup(g.getGroupId()).stream().map(m -> m.elements().get(0).getText().getText()).toList());
  }

  @Test
  @DisplayName("a client's group operations, sent without waiting for answers, take effect in the order sent")
  void operationsInOrder() throws Exception {
    ParleyClient alice = online("alice");
    GroupInfo g = create(alice, "tencent.Work");
    List<CompletableFuture<List<io.parley.protocol.v1.MemberOutcome>>> steps = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      steps.add(alice.groups().invite(g.getGroupId(), List.of("u" + i), ""));
      steps.add(alice.groups().kick(g.getGroupId(), List.of("u" + i), ""));
    }
    for (var step : steps) {
      assertEquals(MemberOutcomeKind.MEMBER_DONE, done(step).get(0).getKind(), "each invite, then each kick, did it");
    }
    assertEquals(1, done(alice.groups().get(List.of(g.getGroupId()))).get(0).getMemberCount());
  }

  @Test
  @DisplayName("someone outside the group cannot send to it")
  void outsiderRefused() throws Exception {
    ParleyClient alice = online("alice");
    ParleyClient mallory = online("mallory");
    GroupInfo g = create(alice, "tencent.Public", "bob");
    assertEquals(GroupCodes.NOT_A_MEMBER, refusalCode(mallory.sendToGroup(g.getGroupId(), Elements.text("hi"))));
  }

  @Test
  @DisplayName("an application to a group that needs approval reaches the owner; approving it lets the applicant in, and the members see it")
  void applyAndApprove() throws Exception {
    ParleyClient alice = online("alice");
    online("bob");
    ParleyClient dave = online("dave");
    GroupInfo g = create(alice, "tencent.Public", "bob");
    assertEquals(MemberOutcomeKind.MEMBER_PENDING_APPROVAL,
        done(dave.groups().apply(g.getGroupId(), "let me in")).getKind());
    Recorder owner = inbox.get("alice");
    await().atMost(WAIT).until(() -> owner.notifications.stream()
        .anyMatch(n -> n.getType() == GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST));
    assertEquals(MemberOutcomeKind.MEMBER_DONE,
        done(alice.groups().answerApplication(g.getGroupId(), "dave", true, "welcome")).getKind());
    Recorder applicant = inbox.get("dave");
    await().atMost(WAIT).until(() -> applicant.notifications.stream()
        .anyMatch(n -> n.getType() == GroupNotificationType.GROUP_NOTIFICATION_REQUEST_PROCESSED && n.getAccepted()));
    Recorder member = inbox.get("bob");
    await().atMost(WAIT).until(() -> member.tips.stream()
        .anyMatch(t -> t.getType() == GroupTipType.GROUP_TIP_JOINED && t.getUsersList().contains("dave")));
    done(dave.sendToGroup(g.getGroupId(), Elements.text("hello all")));
    await().atMost(WAIT).until(() -> member.inGroup(g.getGroupId()).size() == 1);
  }

  @Test
  @DisplayName("a muted member cannot send until the mute is lifted, and tips tell the members")
  void muteAndUnmute() throws Exception {
    ParleyClient alice = online("alice");
    ParleyClient bob = online("bob");
    GroupInfo g = create(alice, "tencent.Public", "bob");
    done(alice.groups().mute(g.getGroupId(), List.of("bob"), 600));
    assertEquals(GroupCodes.MUTED, refusalCode(bob.sendToGroup(g.getGroupId(), Elements.text("hi"))));
    done(alice.groups().mute(g.getGroupId(), List.of("bob"), 0));
    assertTrue(done(bob.sendToGroup(g.getGroupId(), Elements.text("hi again"))).groupSeq() > 0);
    Recorder rec = inbox.get("bob");
    await().atMost(WAIT).until(() -> rec.tips.stream()
        .filter(t -> t.getType() == GroupTipType.GROUP_TIP_MEMBER_INFO_CHANGED).count() == 2);
  }

  @Test
  @DisplayName("a kicked member learns of it, and gets no more of the group's messages")
  void kicked() throws Exception {
    ParleyClient alice = online("alice");
    online("bob");
    online("carol");
    GroupInfo g = create(alice, "tencent.Public", "bob", "carol");
    done(alice.groups().kick(g.getGroupId(), List.of("bob"), "bye"));
    Recorder bob = inbox.get("bob");
    await().atMost(WAIT).until(() -> bob.tips.stream()
        .anyMatch(t -> t.getType() == GroupTipType.GROUP_TIP_KICKED && t.getUsersList().contains("bob")));
    done(alice.sendToGroup(g.getGroupId(), Elements.text("after")));
    Recorder carol = inbox.get("carol");
    await().atMost(WAIT).until(() -> carol.inGroup(g.getGroupId()).size() == 1);
    assertTrue(bob.inGroup(g.getGroupId()).isEmpty());
  }

  @Test
  @DisplayName("a member offline while the group talked catches up at login, in order")
  void offlineCatchUp() throws Exception {
    ParleyClient alice = online("alice");
    GroupInfo g = create(alice, "tencent.Public", "erin");
    for (int i = 0; i < 10; i++) {
      done(alice.sendToGroup(g.getGroupId(), Elements.text("m" + i)));
    }
    online("erin");
    Recorder erin = inbox.get("erin");
    await().atMost(WAIT).until(() -> erin.inGroup(g.getGroupId()).size() == 10);
  }

  @Test
  @DisplayName("my groups lists the groups a user is in")
  void myGroups() throws Exception {
    ParleyClient alice = online("alice");
    ParleyClient bob = online("bob");
    GroupInfo g1 = create(alice, "tencent.Public", "bob");
    GroupInfo g2 = create(alice, "tencent.Work", "bob");
    create(alice, "tencent.Work");
    List<String> ids = done(bob.groups().myGroups()).stream().map(GroupInfo::getGroupId).sorted().toList();
    assertEquals(List.of(g1.getGroupId(), g2.getGroupId()).stream().sorted().toList(), ids);
  }
}
