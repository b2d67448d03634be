package io.parley.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.group.GroupOptions;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group changes that touch several records, each written as one batch; read back after reopening the store. */
class GroupStoreAtomicTest {
  private static final String APP = "1400000000";

  @TempDir
  Path dir;

  @Test
  @DisplayName("an owner transfer demotes the old owner, promotes the new one and names the new owner in the record")
  void transferOwner() {
    try (Store store = open()) {
      store.groups().create(group("g", "a"), List.of(member("a", Role.OWNER), member("b", Role.MEMBER)));
      store.groups().transferOwner(group("g", "b"), member("a", Role.MEMBER), member("b", Role.OWNER));
    }
    try (Store store = open()) {
      GroupStore groups = store.groups();
      assertEquals("b", groups.group(APP, "g").orElseThrow().owner());
      assertEquals(Role.MEMBER, groups.member(APP, "g", "a").orElseThrow().role());
      assertEquals(Role.OWNER, groups.member(APP, "g", "b").orElseThrow().role());
      assertEquals(2, groups.memberCount(APP, "g"));
    }
  }

  @Test
  @DisplayName("removing a member with a new record drops the member, its group list entry and one from the count")
  void removeMemberAndUpdate() {
    try (Store store = open()) {
      store.groups().create(group("g", "a"), List.of(member("a", Role.OWNER), member("b", Role.MEMBER)));
      assertTrue(store.groups().removeMemberAndUpdate(group("g", ""), "a"));
      assertFalse(store.groups().removeMemberAndUpdate(group("g", "never"), "a"));
    }
    try (Store store = open()) {
      GroupStore groups = store.groups();
      assertEquals("", groups.group(APP, "g").orElseThrow().owner());
      assertEquals(Optional.empty(), groups.member(APP, "g", "a"));
      assertEquals(List.of(), groups.groupsOf(APP, "a"));
      assertEquals(1, groups.memberCount(APP, "g"));
    }
  }

  @Test
  @DisplayName("admitting the user of an answered request adds the member and removes the request")
  void admit() {
    PendingRequest q = new PendingRequest(APP, "g", "c", PendingRequest.Kind.APPLICATION, "", "let me in", 10L, 20L);
    try (Store store = open()) {
      store.groups().create(group("g", "a"), List.of(member("a", Role.OWNER)));
      store.groups().putRequest(q);
      assertTrue(store.groups().admit(member("c", Role.MEMBER), q));
    }
    try (Store store = open()) {
      GroupStore groups = store.groups();
      assertEquals(Optional.of(member("c", Role.MEMBER)), groups.member(APP, "g", "c"));
      assertEquals(List.of("g"), groups.groupsOf(APP, "c"));
      assertEquals(2, groups.memberCount(APP, "g"));
      assertEquals(Optional.empty(), groups.request(APP, "g", "c", PendingRequest.Kind.APPLICATION));
    }
  }

  @Test
  @DisplayName("removing several members passes over non-members and lowers the count by those removed")
  void removeMembers() {
    try (Store store = open()) {
      store.groups().create(group("g", "a"),
          List.of(member("a", Role.OWNER), member("b", Role.MEMBER), member("c", Role.MEMBER)));
      assertEquals(List.of("b", "c"), store.groups().removeMembers(APP, "g", List.of("b", "nobody", "c")));
    }
    try (Store store = open()) {
      GroupStore groups = store.groups();
      assertEquals(List.of("a"), groups.members(APP, "g", null, 10).members().stream()
          .map(MemberRecord::userId).toList());
      assertEquals(1, groups.memberCount(APP, "g"));
      assertEquals(List.of(), groups.groupsOf(APP, "b"));
      assertEquals(List.of(), groups.groupsOf(APP, "c"));
    }
  }

  @Test
  @DisplayName("putting several members adds the new ones to the count and the group lists and replaces the others")
  void putMembers() {
    try (Store store = open()) {
      store.groups().create(group("g", "a"), List.of(member("a", Role.OWNER), member("b", Role.MEMBER)));
      assertEquals(List.of("c"), store.groups().putMembers(APP, "g",
          List.of(member("b", Role.MEMBER).withMuteUntil(99L), member("c", Role.MEMBER))));
    }
    try (Store store = open()) {
      GroupStore groups = store.groups();
      assertEquals(99L, groups.member(APP, "g", "b").orElseThrow().muteUntilMillis());
      assertEquals(Optional.of(member("c", Role.MEMBER)), groups.member(APP, "g", "c"));
      assertEquals(List.of("g"), groups.groupsOf(APP, "c"));
      assertEquals(3, groups.memberCount(APP, "g"));
    }
  }

  @Test
  @DisplayName("replacing an answered request removes it and stores the next one for the same user")
  void replaceRequest() {
    PendingRequest approval = new PendingRequest(APP, "g", "c", PendingRequest.Kind.INVITATION_APPROVAL, "b", "",
        10L, 20L);
    PendingRequest consent = new PendingRequest(APP, "g", "c", PendingRequest.Kind.INVITATION_CONSENT, "b", "",
        11L, 21L);
    try (Store store = open()) {
      store.groups().create(group("g", "a"), List.of(member("a", Role.OWNER)));
      store.groups().putRequest(approval);
      store.groups().replaceRequest(PendingRequest.Kind.INVITATION_APPROVAL, consent);
    }
    try (Store store = open()) {
      assertEquals(List.of(consent), store.groups().requests(APP, "g"));
    }
  }

  private static GroupRecord group(String id, String owner) {
    return new GroupRecord(APP, id, "tencent.Public", "atomic", "", "", "", owner, GroupOptions.DEFAULTS, 200,
        Map.of(), 1L);
  }

  private static MemberRecord member(String userId, Role role) {
    return new MemberRecord(userId, role, 5L, 0, "", Map.of(), ReceiveOption.NOTIFY);
  }

  private Store open() {
    return Store.open(dir.resolve("data"), StoreOptions.defaults(), CommitListener.NONE);
  }
}
