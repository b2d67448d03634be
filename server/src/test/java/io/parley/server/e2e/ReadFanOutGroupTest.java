package io.parley.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.parley.client.SendReceipt;
import io.parley.protocol.v1.GroupInfo;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.config.Sandbox;
import io.parley.server.store.Store;
import io.parley.server.support.Crowd;
import io.parley.server.support.ServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A group far above the write fan-out limit (the default 500). The 20,000 members are created through the owner's SDK
 * client in one create request (fast enough: one store write); logging all 19,800 offline members in afterwards would
 * be too slow for CI, so a sample of 300 spread over them logs in, in waves.
 */
@DisplayName("A 20,000-member group above the write fan-out limit is read from the group's own history")
class ReadFanOutGroupTest {
  static final int MEMBERS = 20_000;
  static final int ONLINE = 200;
  static final int LATER_SAMPLE = 300;
  static final int WAVE = 100;
  static final int MESSAGES = 20;
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension final ServerExtension running = new ServerExtension();

  /** Every member's own timeline position, by user. */
  static Map<String, Long> timelinePositions(Store store, List<String> users) {
    Map<String, Long> out = new HashMap<>();
    for (String u : users) {
      out.put(u, store.newestSeq(Sandbox.TENCENT_APP_ID, u));
    }
    return out;
  }

  @Test
  @DisplayName("20,000 members, 200 online and a sample of 300 of the other 19,800 logging in afterwards: each gets "
      + "the 20 messages of 3 senders exactly once, in group-seq order, and the store keeps one copy of each message "
      + "(no member's own timeline grows)")
  void readOnPull() throws Exception {
    List<String> users = ThousandMemberGroupTest.users(MEMBERS);
    List<String> online = users.subList(0, ONLINE);
    List<String> later = new ArrayList<>();
    int step = (MEMBERS - ONLINE) / LATER_SAMPLE;
    for (int i = 0; i < LATER_SAMPLE; i++) {
      later.add(users.get(ONLINE + i * step));
    }
    Store store = running.server().store();
    String app = Sandbox.TENCENT_APP_ID;
    try (Crowd crowd = new Crowd(running.server())) {
      crowd.online(online);
      GroupInfo g = ThousandMemberGroupTest.create(crowd, users);
      assertEquals(MEMBERS, g.getMemberCount());
      Map<String, Long> before = timelinePositions(store, users);
      long historyBefore = store.newestGroupSeq(app, g.getGroupId());

      List<SendReceipt> sent = ThousandMemberGroupTest.send(crowd, users.subList(0, 3), g.getGroupId(), MESSAGES);
      crowd.awaitAll(online, g.getGroupId(), MESSAGES, WAIT);
      crowd.assertEveryMessageOnceInOrder(online, g.getGroupId(), sent);
      for (int from = 0; from < later.size(); from += WAVE) {
        List<String> wave = later.subList(from, Math.min(later.size(), from + WAVE));
        crowd.online(wave);
        crowd.awaitAll(wave, g.getGroupId(), MESSAGES, WAIT);
        crowd.assertEveryMessageOnceInOrder(wave, g.getGroupId(), sent);
        crowd.leave(wave);
      }
      crowd.assertEveryMessageOnceInOrder(online, g.getGroupId(), sent);

      assertNotEquals(0, store.firstReadSeq(app, g.getGroupId()), "the group is read on pull");
      assertEquals(before, timelinePositions(store, users), "no member's own timeline got an entry for the messages");
      List<TimelineEntry> history = store.readGroup(app, g.getGroupId(), historyBefore, 1_000);
      assertEquals(sent.stream().map(SendReceipt::serverMsgId).sorted().toList(),
          history.stream().filter(TimelineEntry::hasMessage).map(e -> e.getMessage().getServerMsgId()).sorted().toList(),
          "the group's history holds each message once");
    }
  }
}
