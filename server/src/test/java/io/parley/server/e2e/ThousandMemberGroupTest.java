package io.parley.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.Elements;
import io.parley.client.SendReceipt;
import io.parley.protocol.v1.CreateGroup;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.NewGroupMember;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import io.parley.server.support.Crowd;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("A 1,000-member group under the write fan-out limit reaches every member through their timelines")
class ThousandMemberGroupTest {
  static final int MEMBERS = 1_000;
  static final int ONLINE = 50;
  static final int WAVE = 100;
  static final int MESSAGES = 20;
  static final Duration WAIT = Duration.ofSeconds(30);

  /** The write fan-out limit raised to 2,000, so that 1,000 members still get one timeline entry each. */
  @RegisterExtension final ServerExtension running = new ServerExtension(c -> c.withLimits(new ServerConfig.Limits(
      c.limits().maxFrameBytes(), c.limits().loginTimeoutMs(), c.limits().slowConsumerMs(), 2_000)));

  static List<String> users(int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(String.format("m%05d", i));
    }
    return out;
  }

  /** The owner (the first user) creates the group with all the others as members, through its SDK client. */
  static GroupInfo create(Crowd crowd, List<String> users) throws Exception {
    CreateGroup.Builder create = CreateGroup.newBuilder().setKind("tencent.Community").setName("crowd");
    for (String m : users.subList(1, users.size())) {
      create.addMembers(NewGroupMember.newBuilder().setUserId(m));
    }
    return crowd.client(users.get(0)).groups().create(create.build()).get(60, TimeUnit.SECONDS);
  }

  /** {@code count} messages, round-robin from the senders, all in flight at once; returns their receipts. */
  static List<SendReceipt> send(Crowd crowd, List<String> senders, String groupId, int count) throws Exception {
    List<CompletableFuture<SendReceipt>> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(crowd.client(senders.get(i % senders.size())).sendToGroup(groupId, Elements.text("message " + i)));
    }
    List<SendReceipt> sent = new ArrayList<>();
    for (CompletableFuture<SendReceipt> f : pending) {
      sent.add(f.get(30, TimeUnit.SECONDS));
    }
    return sent;
  }

  @Test
  @DisplayName("1,000 members, 50 online and the other 950 logging in afterwards in waves of 100: each gets the 20 "
      + "messages of 3 senders exactly once, in group-seq order, from its own timeline")
  void everyMemberGetsEveryMessageOnce() throws Exception {
    List<String> users = users(MEMBERS);
    List<String> online = users.subList(0, ONLINE);
    try (Crowd crowd = new Crowd(running.server())) {
      crowd.online(online);
      GroupInfo g = create(crowd, users);
      assertEquals(MEMBERS, g.getMemberCount());
      List<SendReceipt> sent = send(crowd, users.subList(0, 3), g.getGroupId(), MESSAGES);

      crowd.awaitAll(online, g.getGroupId(), MESSAGES, WAIT);
      crowd.assertEveryMessageOnceInOrder(online, g.getGroupId(), sent);
      for (int from = ONLINE; from < MEMBERS; from += WAVE) {
        List<String> wave = users.subList(from, Math.min(MEMBERS, from + WAVE));
        crowd.online(wave);
        crowd.awaitAll(wave, g.getGroupId(), MESSAGES, WAIT);
        crowd.assertEveryMessageOnceInOrder(wave, g.getGroupId(), sent);
        crowd.leave(wave);
      }
      crowd.assertEveryMessageOnceInOrder(online, g.getGroupId(), sent);

      String app = Sandbox.TENCENT_APP_ID;
      assertEquals(0, running.server().store().firstReadSeq(app, g.getGroupId()), "the group stayed fanned out on write");
      assertTrue(running.server().store().newestSeq(app, users.get(MEMBERS - 1)) >= MESSAGES,
          "the last member's own timeline holds the messages");
    }
  }
}
