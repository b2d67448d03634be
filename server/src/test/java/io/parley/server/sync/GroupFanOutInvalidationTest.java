package io.parley.server.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.server.group.GroupOptions;
import io.parley.server.group.History;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.session.SessionRegistry;
import io.parley.server.store.CommitListener;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.PendingRequest;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Group fan-out keeps a group's members until the store says they changed")
class GroupFanOutInvalidationTest {

  private static final String APP = "app";
  private static final String G = "g";

  @TempDir
  Path dir;
  private Store store;
  private final AtomicInteger reads = new AtomicInteger();
  private Runnable duringRead = () -> { };
  private GroupFanOut fanOut;

  @BeforeEach
  void open() {
    store = Store.open(dir, StoreOptions.defaults(), CommitListener.NONE);
    fanOut = new GroupFanOut(store, this::readMembers, new SessionRegistry(), 500);
    store.groups().create(group("a"), List.of(member("a", Role.OWNER), member("b", Role.MEMBER)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<MemberRecord> readMembers(String appId, String groupId) {
    reads.incrementAndGet();
    List<MemberRecord> out = new ArrayList<>();
    String cursor = "";
    do {
      MemberPage page = store.groups().members(appId, groupId, cursor, 1000);
      out.addAll(page.members());
      cursor = page.next();
      duringRead.run();
    } while (cursor != null && !cursor.isEmpty());
    return out;
  }

  private List<String> timelines() {
    return fanOut.plan(APP, G, History.SINCE_JOIN, "", List.of()).timelines();
  }

  static Stream<Arguments> memberWrites() {
    return Stream.of(
        write("a member joins", s -> s.putMember(APP, G, member("c", Role.MEMBER)), List.of("a", "b", "c")),
        write("several members join at once",
            s -> s.putMembers(APP, G, List.of(member("c", Role.MEMBER), member("d", Role.MEMBER))),
            List.of("a", "b", "c", "d")),
        write("a member stops receiving the group's messages",
            s -> s.putMember(APP, G, new MemberRecord("b", Role.MEMBER, 5L, 0, "", Map.of(), ReceiveOption.DISCARD)),
            List.of("a")),
        write("a member leaves", s -> s.removeMember(APP, G, "b"), List.of("a")),
        write("several members are kicked at once", s -> s.removeMembers(APP, G, List.of("a", "b")), List.of()),
        write("the owner quits", s -> s.removeMemberAndUpdate(group("b"), "a"), List.of("b")),
        write("the owner hands over to a user not yet a member",
            s -> s.transferOwner(group("c"), member("a", Role.MEMBER), member("c", Role.OWNER)),
            List.of("a", "b", "c")),
        write("an answered application lets its user in", s -> {
          PendingRequest q = new PendingRequest(APP, G, "c", PendingRequest.Kind.APPLICATION, "", "", 1L, 2L);
          s.putRequest(q);
          s.admit(member("c", Role.MEMBER), q);
        }, List.of("a", "b", "c")),
        write("the group is dismissed and created again with other members", s -> {
          s.delete(APP, G);
          s.create(group("d"), List.of(member("d", Role.OWNER)));
        }, List.of("d")));
  }

  private static Arguments write(String name, Consumer<GroupStore> change, List<String> after) {
    return Arguments.of(name, change, after);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("memberWrites")
  @DisplayName("the next event after a member write goes to the members as they are now")
  void memberWriteIsSeen(String name, Consumer<GroupStore> change, List<String> after) {
    assertEquals(List.of("a", "b"), timelines());
    change.accept(store.groups());
    assertEquals(after, timelines());
  }

  @Test
  @DisplayName("while nothing changes the members are read once, whatever the number of events")
  void readOnceWhileUnchanged() {
    for (int i = 0; i < 5; i++) {
      assertEquals(List.of("a", "b"), timelines());
    }
    store.groups().update(new GroupRecord(APP, G, "tencent.Work", "renamed", "", "", "", "a", GroupOptions.DEFAULTS,
        200, Map.of(), 1L));
    assertEquals(List.of("a", "b"), timelines());
    assertEquals(1, reads.get(), "a change of the group's record alone is not a member change");
  }

  @Test
  @DisplayName("a member list read while the group changed is used once and not kept")
  void listReadDuringAChangeIsNotKept() {
    duringRead = () -> {
      duringRead = () -> { };
      store.groups().putMember(APP, G, member("c", Role.MEMBER));
    };
    assertEquals(List.of("a", "b"), timelines(), "read before the join was durable");
    assertEquals(List.of("a", "b", "c"), timelines());
  }

  @Test
  @DisplayName("a room's members (in memory, no history) are read afresh for each event")
  void roomsAreNotCached() {
    fanOut.plan(APP, G, History.NONE, "", List.of());
    fanOut.plan(APP, G, History.NONE, "", List.of());
    assertEquals(2, reads.get());
  }

  private static GroupRecord group(String owner) {
    return new GroupRecord(APP, G, "tencent.Work", "g", "", "", "", owner, GroupOptions.DEFAULTS, 200, Map.of(), 1L);
  }

  private static MemberRecord member(String userId, Role role) {
    return new MemberRecord(userId, role, 5L, 0, "", Map.of(), ReceiveOption.NOTIFY);
  }
}
