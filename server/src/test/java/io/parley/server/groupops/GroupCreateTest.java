package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.v1.GroupNotificationType;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.Role;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupCreateTest extends GroupsFixture {

  @Test
  @DisplayName("a user creates a group: it owns it, its members come in the roles given, they are told it exists")
  void createWithRoles() {
    GroupView v = service.create(TENCENT, user("alice"), NewGroup.of("g1", "tencent.Public", "", "Friends",
        List.of(NewGroup.Member.of("bob", Role.ADMIN), NewGroup.Member.of("carol"))));
    assertEquals("alice", v.record().owner());
    assertEquals(3, v.memberCount());
    assertEquals(Role.OWNER, roleOf(TENCENT, "g1", "alice"));
    assertEquals(Role.ADMIN, roleOf(TENCENT, "g1", "bob"));
    assertEquals(Role.MEMBER, roleOf(TENCENT, "g1", "carol"));
    assertEquals(2000, v.record().maxMembers());
    RecordingEvents.Note created = events.onlyNote(GroupNotificationType.GROUP_NOTIFICATION_CREATED);
    assertEquals(List.of("alice", "bob", "carol"), created.users());
  }

  @Test
  @DisplayName("the app server may create a group with a given owner, or with none")
  void appServerOwner() {
    assertEquals("zoe", group(TENCENT, "g1", "tencent.Public", "zoe", "a").record().owner());
    GroupView none = group(TENCENT, "g2", "tencent.Public", "", "a");
    assertEquals("", none.record().owner());
    assertEquals(1, none.memberCount());
  }

  @Test
  @DisplayName("in a kind without owners the creating user is a plain member and the owner stays empty")
  void noOwnerKind() {
    GroupView v = service.create(RONGCLOUD, user("alice"), NewGroup.of("g1", "", "", "R", List.of()));
    assertEquals("rongcloud.group", v.record().kind());
    assertEquals("", v.record().owner());
    assertEquals(Role.MEMBER, roleOf(RONGCLOUD, "g1", "alice"));
  }

  @Test
  @DisplayName("a role the kind does not have is refused (an admin in a Tencent Work group)")
  void roleNotInKind() {
    refused(GroupCodes.ROLE_NOT_IN_KIND, () -> service.create(TENCENT, user("alice"),
        NewGroup.of("g1", "tencent.Work", "", "W", List.of(NewGroup.Member.of("bob", Role.ADMIN)))));
  }

  @Test
  @DisplayName("more initial members than the group's limit is refused and nothing is stored")
  void limitChecked() {
    List<NewGroup.Member> many = IntStream.range(0, 3).mapToObj(i -> NewGroup.Member.of("u" + i)).toList();
    NewGroup g = NewGroup.of("g1", "tencent.Work", "", "W", many).withOptions(GroupOptions.DEFAULTS.withMemberLimit(3));
    refused(GroupCodes.MEMBER_LIMIT_REACHED, () -> service.create(TENCENT, user("alice"), g));
    assertEquals(List.of(), service.get(TENCENT, List.of("g1")));
  }

  @Test
  @DisplayName("an id the app already has is refused and the first group is untouched")
  void duplicateId() {
    group(TENCENT, "g1", "tencent.Work", "a");
    refused(GroupCodes.GROUP_EXISTS, () -> service.create(TENCENT, user("b"),
        NewGroup.of("g1", "tencent.Work", "", "other", List.of())));
    assertEquals("a", service.get(TENCENT, List.of("g1")).get(0).record().owner());
  }

  @Test
  @DisplayName("groups created without an id get distinct generated ids")
  void generatedIds() {
    String a = service.create(TENCENT, user("a"), NewGroup.of("", "", "", "x", List.of())).record().groupId();
    String b = service.create(TENCENT, user("a"), NewGroup.of("", "", "", "y", List.of())).record().groupId();
    assertNotEquals(a, b);
    assertEquals(2, service.get(TENCENT, List.of(a, b)).size());
  }

  @Test
  @DisplayName("a kind of another vendor is refused")
  void kindOfOtherVendor() {
    refused(GroupCodes.KIND_NOT_OF_VENDOR, () -> service.create(NETEASE, user("a"),
        NewGroup.of("g1", "tencent.Public", "", "x", List.of())));
  }

  @Test
  @DisplayName("each vendor's usual kind is used when none is named")
  void usualKinds() {
    assertEquals("tencent.Work", service.create(TENCENT, user("a"), NewGroup.of("g", "", "", "", List.of()))
        .record().kind());
    assertEquals("netease.advanced", service.create(NETEASE, user("a"), NewGroup.of("g", "", "", "", List.of()))
        .record().kind());
    assertEquals("yuntongxun.public", service.create(YUNTONGXUN, user("a"), NewGroup.of("g", "", "", "", List.of()))
        .record().kind());
    assertEquals(List.of(GroupKinds.TENCENT_WORK, GroupKinds.TENCENT_PUBLIC, GroupKinds.TENCENT_MEETING,
        GroupKinds.TENCENT_COMMUNITY, GroupKinds.TENCENT_AVCHATROOM), KINDS.kindsOf(TENCENT));
  }

  @Test
  @DisplayName("an option the kind does not let a group set is refused")
  void optionNotSupported() {
    refused(GroupCodes.OPTION_NOT_SUPPORTED, () -> service.create(TENCENT, user("a"), NewGroup.of("g", "tencent.Work",
        "", "", List.of()).withOptions(GroupOptions.DEFAULTS.withApply(io.parley.server.group.Admission.FREE))));
  }

  @Test
  @DisplayName("bad ids are refused with a message naming the field")
  void badInput() {
    GroupRefused e = refused(GroupCodes.BAD_GROUP_INPUT, () -> service.create(TENCENT, user("a"),
        NewGroup.of("g\u0000", "", "", "", List.of())));
    assertTrue(e.getMessage().contains("group id"), e.getMessage());
    refused(GroupCodes.BAD_GROUP_INPUT, () -> service.create(TENCENT, user("a"),
        NewGroup.of("x".repeat(129), "", "", "", List.of())));
    refused(GroupCodes.BAD_GROUP_INPUT, () -> service.create(TENCENT, user("a"),
        NewGroup.of("g", "", "", "n".repeat(257), List.of())));
    refused(GroupCodes.BAD_GROUP_INPUT, () -> service.create(TENCENT, user("a"),
        NewGroup.of("g", "", "", "", List.of(NewGroup.Member.of("b"), NewGroup.Member.of("b")))));
  }

  @Test
  @DisplayName("get skips ids that do not exist; groupsOf lists the user's groups with their counts")
  void reading() {
    group(TENCENT, "g1", "tencent.Work", "a", "b");
    group(TENCENT, "g2", "tencent.Public", "b");
    assertEquals(List.of("g1"), service.get(TENCENT, List.of("nope", "g1")).stream()
        .map(v -> v.record().groupId()).toList());
    List<GroupView> mine = service.groupsOf(TENCENT, "b");
    assertEquals(List.of("g1", "g2"), mine.stream().map(v -> v.record().groupId()).toList());
    assertEquals(2, mine.get(0).memberCount());
  }

  @Test
  @DisplayName("members are paged, may be filtered by role, and only members (or the app server) may list them")
  void membersPaged() {
    group(TENCENT, "g1", "tencent.Public", "o", "m1", "m2", "m3", "m4");
    service.setAdmin(TENCENT, user("o"), "g1", "m3", true);
    var first = service.members(TENCENT, user("m1"), "g1", Optional.empty(), "", 2);
    assertEquals(List.of("m1", "m2"), first.members().stream().map(m -> m.userId()).toList());
    var second = service.members(TENCENT, user("m1"), "g1", Optional.empty(), first.next(), 2);
    assertEquals(List.of("m3", "m4"), second.members().stream().map(m -> m.userId()).toList());
    var admins = service.members(TENCENT, Caller.APP_SERVER, "g1", Optional.of(Role.ADMIN), "", 0);
    assertEquals(List.of("m3"), admins.members().stream().map(m -> m.userId()).toList());
    refused(GroupCodes.NOT_A_MEMBER, () -> service.members(TENCENT, user("x"), "g1", Optional.empty(), "", 0));
    refused(GroupCodes.NO_SUCH_GROUP, () -> service.members(TENCENT, user("x"), "nope", Optional.empty(), "", 0));
  }
}
