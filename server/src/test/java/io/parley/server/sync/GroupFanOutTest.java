package io.parley.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.Message;
import io.parley.server.group.History;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Group fan-out: member timelines while small, the group's own timeline once large")
class GroupFanOutTest {

  private static final String APP = "app";

  @TempDir
  Path dir;
  private Store store;
  private final List<MemberRecord> members = new ArrayList<>();
  private GroupFanOut fanOut;

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    fanOut = new GroupFanOut(store, (app, group) -> List.copyOf(members), new SessionRegistry(), 3);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void member(String id, ReceiveOption receive) {
    members.add(new MemberRecord(id, Role.MEMBER, 0, 0, "", Map.of(), receive));
  }

  @Test
  @DisplayName("a small group's event goes to the sender and every member who receives, not to those who discard")
  void writeMode() {
    member("alice", ReceiveOption.NOTIFY);
    member("bob", ReceiveOption.SILENT);
    member("carol", ReceiveOption.DISCARD);
    GroupFanOut.Plan plan = fanOut.plan(APP, "g1", History.SINCE_JOIN, "carol", List.of());
    assertEquals(GroupFanOut.Mode.WRITE, plan.mode());
    assertEquals(List.of("carol", "alice", "bob"), plan.timelines(), "the sender's own devices still see it");
  }

  @Test
  @DisplayName("a removed member told of its removal gets an entry too")
  void alsoTellInWriteMode() {
    member("alice", ReceiveOption.NOTIFY);
    assertEquals(List.of("alice", "dave"),
        fanOut.plan(APP, "g1", History.SINCE_JOIN, "", List.of("dave")).timelines());
  }

  @Test
  @DisplayName("above the write limit the event stays in the group's timeline; only outsiders told of it get entries")
  void readMode() {
    for (String id : List.of("a", "b", "c", "d")) {
      member(id, ReceiveOption.NOTIFY);
    }
    GroupFanOut.Plan plan = fanOut.plan(APP, "g1", History.SINCE_JOIN, "a", List.of("e", "b"));
    assertEquals(GroupFanOut.Mode.READ, plan.mode());
    assertTrue(plan.readOnPull());
    assertEquals(List.of("e"), plan.timelines());
    assertEquals(List.of("a", "b", "c", "d"), plan.members(), "the members to hint");
  }

  @Test
  @DisplayName("a group once read on pull stays so after shrinking below the limit, across a restart")
  void readModeSticks() {
    Message m = Message.newBuilder().setClientMsgId("m1").setFromUserId("a").build();
    Fixtures.await(store.writer().append(new AppendRequest(APP, new Conversation.Group("g1"), "a",
        new Event.NewMessage(m), "m1", List.of())));
    member("a", ReceiveOption.NOTIFY);
    GroupFanOut fresh = new GroupFanOut(store, (app, group) -> List.copyOf(members), new SessionRegistry(), 3);
    assertTrue(fresh.readsOnPull(APP, "g1"));
    assertEquals(GroupFanOut.Mode.READ, fresh.plan(APP, "g1", History.SINCE_JOIN, "a", List.of()).mode());
    assertFalse(fresh.readsOnPull(APP, "g2"));
  }

  @Test
  @DisplayName("a room without history reaches its online members only: no timelines")
  void onlineOnly() {
    member("alice", ReceiveOption.NOTIFY);
    GroupFanOut.Plan plan = fanOut.plan(APP, "room", History.NONE, "alice", List.of());
    assertEquals(GroupFanOut.Mode.ONLINE_ONLY, plan.mode());
    assertTrue(plan.timelines().isEmpty());
    assertEquals(List.of("alice"), plan.members());
  }

  @Test
  @DisplayName("a cached member list is dropped on request, so a new member gets the next event")
  void invalidate() {
    member("alice", ReceiveOption.NOTIFY);
    assertEquals(List.of("alice"), fanOut.plan(APP, "g1", History.SINCE_JOIN, "", List.of()).timelines());
    member("bob", ReceiveOption.NOTIFY);
    assertEquals(List.of("alice"), fanOut.plan(APP, "g1", History.SINCE_JOIN, "", List.of()).timelines(),
        "cached");
    fanOut.invalidate(APP, "g1");
    assertEquals(List.of("alice", "bob"), fanOut.plan(APP, "g1", History.SINCE_JOIN, "", List.of()).timelines());
  }
}
