package io.parley.server.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.Elements;
import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.MemberOutcomeKind;
import io.parley.server.config.Sandbox;
import io.parley.server.support.Clients;
import io.parley.server.support.Recorder;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A broadcast room (Tencent AVChatRoom) reaches the members online now, and keeps nothing")
class AvChatRoomTest {
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final ServerExtension running = new ServerExtension();

  private final Map<String, Recorder> inbox = new HashMap<>();
  private final Map<String, ParleyClient> clients = new HashMap<>();

  @AfterEach
  void closeClients() {
    clients.values().forEach(ParleyClient::close);
  }

  private ParleyClient online(String user) throws Exception {
    Recorder rec = inbox.computeIfAbsent(user, u -> new Recorder());
    ParleyClient c = Clients.tcp(running.server(), user, rec).build();
    clients.put(user, c);
    c.connect().get(10, TimeUnit.SECONDS);
    return c;
  }

  private static <T> T done(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  private GroupInfo room(ParleyClient owner, String... joiners) throws Exception {
    GroupInfo g = done(owner.groups().create(CreateGroup.newBuilder().setKind("tencent.AVChatRoom").setName("live")
        .build()));
    for (String j : joiners) {
      assertEquals(MemberOutcomeKind.MEMBER_DONE, done(clients.get(j).groups().apply(g.getGroupId(), "")).getKind());
    }
    return g;
  }

  private static List<String> texts(List<ReceivedMessage> got) {
    return got.stream().map(m -> m.elements().get(0).getText().getText()).toList();
  }

  @Test
  @DisplayName("every member online gets every message once, in the order sent, and the room's history stays empty")
  void onlineOnly() throws Exception {
    ParleyClient alice = online("alice");
    online("bob");
    online("carol");
    GroupInfo g = room(alice, "bob", "carol");
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      done(alice.sendToGroup(g.getGroupId(), Elements.text("m" + i)));
      sent.add("m" + i);
    }
    for (String user : List.of("bob", "carol")) {
      Recorder rec = inbox.get(user);
      await().atMost(WAIT).until(() -> rec.inGroup(g.getGroupId()).size() >= 20);
      assertEquals(sent, texts(rec.inGroup(g.getGroupId())), user);
    }
    assertTrue(running.server().store().readGroup(Sandbox.TENCENT_APP_ID, g.getGroupId(), 0, 100).isEmpty(),
        "a room keeps no history");
  }

  @Test
  @DisplayName("a member away while the room talked gets none of it on return, only what is said after")
  void awayMissesIt() throws Exception {
    ParleyClient alice = online("alice");
    online("bob");
    online("dave");
    GroupInfo g = room(alice, "bob", "dave");
    clients.remove("dave").close();
    done(alice.sendToGroup(g.getGroupId(), Elements.text("while away")));
    Recorder bob = inbox.get("bob");
    await().atMost(WAIT).until(() -> bob.inGroup(g.getGroupId()).size() == 1);
    online("dave");
    done(alice.sendToGroup(g.getGroupId(), Elements.text("after")));
    await().atMost(WAIT).until(() -> bob.inGroup(g.getGroupId()).size() == 2);
    Recorder dave = inbox.get("dave");
    await().atMost(WAIT).until(() -> !dave.inGroup(g.getGroupId()).isEmpty());
    assertEquals(List.of("after"), texts(dave.inGroup(g.getGroupId())));
  }
}
