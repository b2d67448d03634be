package io.parley.server.store;

import static io.parley.server.store.Fixtures.APP;
import static io.parley.server.store.Fixtures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.GroupTip;
import io.parley.protocol.v1.GroupTipType;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Store: group messages, tips and notifications")
class StoreGroupAppendTest {

  private static final Conversation G1 = new Conversation.Group("g1");

  @TempDir
  Path dir;

  private static AppendRequest groupMessage(String sender, String clientMsgId, List<String> timelines) {
    Message m = Message.newBuilder().setClientMsgId(clientMsgId).setFromUserId(sender).setToUserId("ignored")
        .setContentType("text").build();
    return new AppendRequest(APP, G1, sender, new Event.NewMessage(m), clientMsgId, timelines);
  }

  private static AppendRequest tip(GroupTipType type, List<String> timelines) {
    GroupTip tip = GroupTip.newBuilder().setType(type).setOperator("alice").addUsers("dave").build();
    return new AppendRequest(APP, G1, "alice", new Event.Tip(tip), null, timelines);
  }

  private static AppendRequest notification(List<String> users) {
    GroupNotification n = GroupNotification.newBuilder().setGroupId("g1")
        .setType(GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST).setUserId("erin").build();
    return new AppendRequest(APP, new Conversation.Timelines(), "", new Event.Notification(n), null, users);
  }

  @Test
  @DisplayName("group messages get consecutive group seqs and one entry in each listed member's timeline")
  void groupSeqsAndEntries() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      List<String> members = List.of("alice", "bob", "carol");
      AppendResult first = await(store.writer().append(groupMessage("alice", "m1", members)));
      AppendResult second = await(store.writer().append(groupMessage("bob", "m2", members)));
      assertEquals(1, first.groupSeq());
      assertEquals(2, second.groupSeq());
      assertEquals(List.of(new Delivery("alice", 1), new Delivery("bob", 1), new Delivery("carol", 1)),
          first.deliveries());
      List<TimelineEntry> carol = store.readTimeline(APP, "carol", 0, 10);
      assertEquals(2, carol.size());
      Message read = carol.get(1).getMessage();
      assertEquals("g1", read.getGroupId());
      assertEquals(2, read.getGroupSeq());
      assertEquals("", read.getToUserId(), "a group message names no recipient");
      assertEquals(second.serverMsgId(), read.getServerMsgId());
      assertEquals(2, carol.get(1).getSeq());
    }
  }

  @Test
  @DisplayName("tips take their place in the group's history between messages and reach the listed timelines")
  void tipsInHistory() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      List<String> members = List.of("alice", "bob");
      await(store.writer().append(groupMessage("alice", "m1", members)));
      AppendResult tip = await(store.writer().append(tip(GroupTipType.GROUP_TIP_JOINED, members)));
      await(store.writer().append(groupMessage("bob", "m2", members)));
      assertEquals(2, tip.groupSeq());
      assertNull(tip.message(), "a tip is not a message");
      List<TimelineEntry> history = store.readGroup(APP, "g1", 0, 10);
      assertEquals(List.of(1L, 2L, 3L), history.stream().map(TimelineEntry::getSeq).toList());
      GroupTip stored = history.get(1).getGroupTip();
      assertEquals(GroupTipType.GROUP_TIP_JOINED, stored.getType());
      assertEquals(2, stored.getGroupSeq());
      assertEquals("g1", stored.getGroupId());
      assertEquals(tip.serverMsgId(), stored.getServerMsgId());
      assertEquals(tip.serverTimeMs(), stored.getServerTimeMs());
      assertTrue(store.readTimeline(APP, "bob", 1, 1).get(0).hasGroupTip());
    }
  }

  @Test
  @DisplayName("a group read from its own timeline stores history only: members' timelines stay empty")
  void historyOnly() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult r = await(store.writer().append(groupMessage("alice", "m1", List.of())));
      assertEquals(1, r.groupSeq());
      assertTrue(r.deliveries().isEmpty());
      assertEquals(0, store.newestSeq(APP, "alice"));
      assertEquals(1, store.newestGroupSeq(APP, "g1"));
      assertEquals(1, store.readGroup(APP, "g1", 0, 10).size());
      assertTrue(store.readGroup(APP, "g1", 1, 10).isEmpty());
    }
  }

  @Test
  @DisplayName("the first event kept in the group's timeline only is remembered, across a restart, and never moves")
  void firstReadSeq() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      await(store.writer().append(groupMessage("alice", "m1", List.of("alice", "bob"))));
      assertEquals(0, store.firstReadSeq(APP, "g1"), "fanned out on write so far");
      await(store.writer().append(groupMessage("alice", "m2", List.of())));
      await(store.writer().append(tip(GroupTipType.GROUP_TIP_JOINED, List.of())));
      assertEquals(2, store.firstReadSeq(APP, "g1"));
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      await(store.writer().append(groupMessage("alice", "m3", List.of())));
      assertEquals(2, store.firstReadSeq(APP, "g1"));
      assertEquals(0, store.firstReadSeq(APP, "g2"));
    }
  }

  @Test
  @DisplayName("a group's history pages backwards from a seq, newest first")
  void backwards() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      for (int i = 1; i <= 5; i++) {
        await(store.writer().append(groupMessage("alice", "m" + i, List.of())));
      }
      assertEquals(List.of(4L, 3L), store.readGroupBackwards(APP, "g1", 5, 2).stream()
          .map(TimelineEntry::getSeq).toList());
      assertEquals(List.of(5L, 4L, 3L, 2L, 1L), store.readGroupBackwards(APP, "g1", Long.MAX_VALUE, 10).stream()
          .map(TimelineEntry::getSeq).toList());
    }
  }

  @Test
  @DisplayName("two groups keep separate seqs, and a group whose id prefixes another's reads only its own history")
  void separateGroups() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      await(store.writer().append(groupMessage("alice", "m1", List.of())));
      Message m = Message.newBuilder().setClientMsgId("x1").setFromUserId("alice").build();
      AppendResult other = await(store.writer().append(new AppendRequest(APP, new Conversation.Group("g10"), "alice",
          new Event.NewMessage(m), "x1", List.of())));
      assertEquals(1, other.groupSeq());
      assertEquals(1, store.readGroup(APP, "g1", 0, 10).size());
      assertEquals(1, store.newestGroupSeq(APP, "g1"));
    }
  }

  @Test
  @DisplayName("a notification lands in the listed users' timelines only, with its server id and time")
  void notifications() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult r = await(store.writer().append(notification(List.of("alice", "bob"))));
      assertEquals(0, r.groupSeq());
      TimelineEntry read = store.readTimeline(APP, "bob", 0, 10).get(0);
      assertEquals(GroupNotificationType.GROUP_NOTIFICATION_JOIN_REQUEST, read.getGroupNotification().getType());
      assertEquals(r.serverMsgId(), read.getGroupNotification().getServerMsgId());
      assertEquals(r.serverTimeMs(), read.getGroupNotification().getServerTimeMs());
      assertTrue(store.readGroup(APP, "g1", 0, 10).isEmpty(), "not part of the group's history");
      assertEquals(0, store.newestSeq(APP, "carol"));
    }
  }

  @Test
  @DisplayName("a retried group message gets its original server id and group seq and stores nothing new")
  void groupRetry() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      List<String> members = List.of("alice", "bob");
      AppendResult original = await(store.writer().append(groupMessage("alice", "m1", members)));
      AppendResult retry = await(store.writer().append(groupMessage("alice", "m1", members)));
      assertTrue(retry.duplicate());
      assertEquals(original.serverMsgId(), retry.serverMsgId());
      assertEquals(original.groupSeq(), retry.groupSeq());
      assertEquals(original.seqOf("alice"), retry.seqOf("alice"));
      assertEquals(1, store.newestGroupSeq(APP, "g1"));
      assertEquals(1, store.newestSeq(APP, "bob"));
    }
  }

  @Test
  @DisplayName("after a restart a group continues at its next seq and a retry still finds its original")
  void restart() {
    AppendResult original;
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      original = await(store.writer().append(groupMessage("alice", "m1", List.of("alice"))));
      await(store.writer().append(tip(GroupTipType.GROUP_TIP_QUIT, List.of("alice"))));
    }
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendResult retry = await(store.writer().append(groupMessage("alice", "m1", List.of("alice"))));
      assertTrue(retry.duplicate());
      assertEquals(original.groupSeq(), retry.groupSeq());
      assertEquals(3, await(store.writer().append(groupMessage("alice", "m2", List.of("alice")))).groupSeq());
    }
  }

  @Test
  @DisplayName("many appends to a 500-member group, submitted at once, leave every member's timeline gap-free")
  void bigBurst() {
    List<String> members = IntStream.range(0, 500).mapToObj(i -> "u" + i).toList();
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      List<CompletableFuture<AppendResult>> futures = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        futures.add(store.writer().append(groupMessage("u" + (i % 7), "b" + i, members)));
      }
      futures.forEach(Fixtures::await);
      assertEquals(60, store.newestGroupSeq(APP, "g1"));
      for (String member : List.of("u0", "u250", "u499")) {
        List<TimelineEntry> entries = store.readTimeline(APP, member, 0, 100);
        assertEquals(seqsUpTo(60), entries.stream().map(TimelineEntry::getSeq).toList());
        assertEquals(seqsUpTo(60), entries.stream().map(e -> e.getMessage().getGroupSeq()).toList(),
            "the timeline follows the group's order");
      }
    }
  }

  private static List<Long> seqsUpTo(int n) {
    return java.util.stream.LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  @DisplayName("a tip with a dedup key is refused")
  void tipWithDedupKey() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendRequest bad = new AppendRequest(APP, G1, "alice", tip(GroupTipType.GROUP_TIP_JOINED, List.of()).event(),
          "k", List.of());
      assertRefused(store.writer().append(bad), "takes no dedup key");
    }
  }

  @Test
  @DisplayName("a notification without timelines is refused")
  void notificationWithoutTimelines() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertRefused(store.writer().append(notification(List.of())), "at least one timeline");
    }
  }

  @Test
  @DisplayName("a group message listing a member twice is refused")
  void duplicateTimeline() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertRefused(store.writer().append(groupMessage("alice", "m1", List.of("bob", "bob"))), "listed twice");
    }
  }

  @Test
  @DisplayName("an append naming more timelines than the store's cap is refused")
  void tooManyTimelines() {
    List<String> many = IntStream.range(0, MessageWriter.MAX_TIMELINES + 1).mapToObj(i -> "u" + i).toList();
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      assertRefused(store.writer().append(groupMessage("alice", "m1", many)), "at most");
    }
  }

  @Test
  @DisplayName("a tip outside a group is refused")
  void tipOutsideGroup() {
    try (Store store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE)) {
      AppendRequest bad = new AppendRequest(APP, Conversation.c2c("alice", "bob"), "alice",
          tip(GroupTipType.GROUP_TIP_JOINED, List.of()).event(), null, List.of());
      assertRefused(store.writer().append(bad), "belongs in a Group");
    }
  }

  private static void assertRefused(CompletableFuture<AppendResult> future, String words) {
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertTrue(e.getCause() instanceof IllegalArgumentException, e.getCause().toString());
    assertTrue(e.getCause().getMessage().contains(words), e.getCause().getMessage());
  }
}
