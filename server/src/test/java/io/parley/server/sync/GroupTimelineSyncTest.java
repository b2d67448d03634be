package io.parley.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.GroupPull;
import io.parley.protocol.v1.GroupPullResult;
import io.parley.protocol.v1.GroupSeq;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Group timeline sync: large groups read on pull")
class GroupTimelineSyncTest {

  private static final String APP = "app";

  @TempDir
  Path dir;
  private Store store;
  private GroupTimelineSync sync;

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    GroupFanOut fanOut = new GroupFanOut(store, (app, g) -> store.groups().members(app, g, "", 1000).members(),
        new SessionRegistry(), 1);
    sync = new GroupTimelineSync(store, fanOut, 3);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void group(String id, String kind, MemberRecord... members) {
    assertTrue(store.groups().create(new GroupRecord(APP, id, kind, id, "", "", "", "", GroupOptions.DEFAULTS, 100,
        Map.of(), 0), List.of(members)));
  }

  private static MemberRecord member(String id, long joinMillis) {
    return new MemberRecord(id, Role.MEMBER, joinMillis, 0, "", Map.of(), ReceiveOption.NOTIFY);
  }

  private long send(String group, String from, String clientMsgId) {
    Message m = Message.newBuilder().setClientMsgId(clientMsgId).setFromUserId(from).build();
    return Fixtures.await(store.writer().append(new AppendRequest(APP, new Conversation.Group(group), from,
        new Event.NewMessage(m), clientMsgId, List.of()))).groupSeq();
  }

  @Test
  @DisplayName("a member pulls the group's history in pages after a seq, with has_more until the end")
  void pages() {
    group("g1", "tencent.Public", member("alice", 0), member("bob", 0));
    for (int i = 1; i <= 5; i++) {
      send("g1", "alice", "m" + i);
    }
    GroupPullResult first = sync.page(APP, "bob", GroupPull.newBuilder().setGroupId("g1").build());
    assertEquals(List.of(1L, 2L, 3L), first.getEntriesList().stream().map(TimelineEntry::getSeq).toList());
    assertTrue(first.getHasMore());
    assertEquals(5, first.getNewestSeq());
    GroupPullResult rest = sync.page(APP, "bob", GroupPull.newBuilder().setGroupId("g1").setAfterSeq(3).build());
    assertEquals(List.of(4L, 5L), rest.getEntriesList().stream().map(TimelineEntry::getSeq).toList());
    assertEquals(false, rest.getHasMore());
  }

  @Test
  @DisplayName("someone outside the group cannot pull it")
  void outsider() {
    group("g1", "tencent.Public", member("alice", 0));
    assertThrows(GroupTimelineSync.NotAMember.class,
        () -> sync.page(APP, "mallory", GroupPull.newBuilder().setGroupId("g1").build()));
    assertThrows(GroupTimelineSync.NotAMember.class,
        () -> sync.page(APP, "alice", GroupPull.newBuilder().setGroupId("nope").build()));
  }

  @Test
  @DisplayName("in a kind whose new members see only what follows their joining, older messages are left out")
  void sinceJoin() {
    group("g1", "tencent.Public", member("alice", 0), member("late", Long.MAX_VALUE));
    send("g1", "alice", "m1");
    GroupPullResult page = sync.page(APP, "late", GroupPull.newBuilder().setGroupId("g1").build());
    assertTrue(page.getEntriesList().isEmpty());
    assertEquals(1, page.getNewestSeq(), "the page still says where the group stands");
  }

  @Test
  @DisplayName("in a kind that shows history from before joining, a late member sees it all")
  void beforeJoin() {
    group("g1", "tencent.Community", member("alice", 0), member("late", Long.MAX_VALUE));
    send("g1", "alice", "m1");
    assertEquals(1, sync.page(APP, "late", GroupPull.newBuilder().setGroupId("g1").build()).getEntriesCount());
  }

  @Test
  @DisplayName("at login a member learns each group it reads on pull, where it stands and how far it has read")
  void readGroupsAtLogin() {
    group("g1", "tencent.Public", member("alice", 0), member("bob", 0));
    group("small", "tencent.Public", member("bob", 0));
    send("g1", "alice", "m1");
    send("g1", "alice", "m2");
    send("g1", "alice", "m3");
    sync.ack(APP, "bob", "g1", 2);
    Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> sync.readSeq(APP, "bob", "g1") == 2);
    assertEquals(List.of(GroupSeq.newBuilder().setGroupId("g1").setNewestSeq(3).setReadSeq(2).build()),
        sync.readGroups(APP, "bob"), "a group never read on pull is not listed");
  }

  @Test
  @DisplayName("a member's read position starts where the group switched to read fan-out")
  void readPositionFromTheSwitch() {
    group("g1", "tencent.Public", member("alice", 0), member("bob", 0));
    Message m = Message.newBuilder().setClientMsgId("w1").setFromUserId("alice").build();
    Fixtures.await(store.writer().append(new AppendRequest(APP, new Conversation.Group("g1"), "alice",
        new Event.NewMessage(m), "w1", List.of("alice", "bob")))); // fanned out on write
    send("g1", "alice", "r1");
    assertEquals(1, sync.readSeq(APP, "bob", "g1"), "seq 1 reached bob's own timeline");
  }

  @Test
  @DisplayName("a new member's read position starts at the group's newest seq")
  void joinedStartsAtNewest() {
    group("g1", "tencent.Public", member("alice", 0));
    send("g1", "alice", "m1");
    send("g1", "alice", "m2");
    sync.joined(APP, "carol", "g1");
    Awaitility.await().atMost(Fixtures.TIMEOUT).until(() -> sync.readSeq(APP, "carol", "g1") == 2);
  }

  @Test
  @DisplayName("a page of large tips (an invite naming thousands) stops at about 256 KiB, and the next pages bring the rest in order")
  void pagesBoundedByBytes() {
    group("big", "tencent.Community", member("alice", 0), member("bob", 0));
    GroupTimelineSync wide = new GroupTimelineSync(store, new GroupFanOut(store,
        (app, g) -> store.groups().members(app, g, "", 1000).members(), new SessionRegistry(), 1), 100);
    List<String> invitees = java.util.stream.IntStream.range(0, 4000).mapToObj(i -> "invitee-number-" + i).toList();
    for (int i = 0; i < 6; i++) {
      io.parley.protocol.v1.GroupTip tip = io.parley.protocol.v1.GroupTip.newBuilder()
          .setType(io.parley.protocol.v1.GroupTipType.GROUP_TIP_INVITED).setOperator("alice").addAllUsers(invitees)
          .setServerTimeMs(1).build();
      Fixtures.await(store.writer().append(new AppendRequest(APP, new Conversation.Group("big"), "alice",
          new Event.Tip(tip), null, List.of())));
    }
    List<Long> seen = new java.util.ArrayList<>();
    long after = 0;
    int pages = 0;
    GroupPullResult page;
    do {
      page = wide.page(APP, "bob", GroupPull.newBuilder().setGroupId("big").setAfterSeq(after).build());
      assertTrue(page.getEntriesCount() >= 1, "every page moves on");
      assertTrue(page.getSerializedSize() < 2 * PushFrames.MAX_PUSH_BYTES, "page of " + page.getSerializedSize() + " B");
      page.getEntriesList().forEach(e -> seen.add(e.getSeq()));
      after = seen.get(seen.size() - 1);
      pages++;
    } while (page.getHasMore() && pages < 10);
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seen);
    assertTrue(pages > 1, "six tips of ~80 KB each do not come in one page");
  }
}
