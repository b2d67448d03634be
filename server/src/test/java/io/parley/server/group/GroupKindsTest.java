package io.parley.server.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The columns of the kinds table that are facts rather than permissions, pinned against the vendor notes. */
@DisplayName("Group kinds: the table of rows")
class GroupKindsTest {

  private static GroupKind kind(String id) {
    return GroupKinds.byId(id).orElseThrow(() -> new AssertionError("no kind " + id));
  }

  @ParameterizedTest(name = "{0}: roles {1}, unread {2}, history {3}, membership {4}, {5} members by default, up to {6}, owner quit {7}")
  @CsvSource({
      "tencent.Work,       OWNER MEMBER,       COUNTED,     SINCE_JOIN,  STORED,     200,        200,        ALLOWED",
      "tencent.Public,     OWNER ADMIN MEMBER, COUNTED,     SINCE_JOIN,  STORED,     2000,       2000,       TRANSFER_FIRST",
      "tencent.Meeting,    OWNER ADMIN MEMBER, NOT_COUNTED, BEFORE_JOIN, STORED,     10000,      10000,      TRANSFER_FIRST",
      "tencent.Community,  OWNER ADMIN MEMBER, COUNTED,     BEFORE_JOIN, STORED,     100000,     100000,     TRANSFER_FIRST",
      "tencent.AVChatRoom, OWNER MEMBER,       NOT_COUNTED, NONE,        NOT_STORED, 2147483647, 2147483647, TRANSFER_FIRST",
      "netease.advanced,   OWNER ADMIN MEMBER, COUNTED,     SINCE_JOIN,  STORED,     500,        2000,       TRANSFER_FIRST",
      "rongcloud.group,    MEMBER,             COUNTED,     SINCE_JOIN,  STORED,     3000,       3000,       ALLOWED",
      "yuntongxun.public,  OWNER MEMBER,       COUNTED,     SINCE_JOIN,  STORED,     500,        500,        TRANSFER_FIRST",
      "yuntongxun.private, OWNER MEMBER,       COUNTED,     SINCE_JOIN,  STORED,     500,        500,        TRANSFER_FIRST",
  })
  @DisplayName("each kind's roles, unread counts, history, membership storage, member limits and owner quitting")
  void columns(String id, String roles, Unread unread, History history, Membership membership, int limit, int max,
      OwnerQuit quit) {
    GroupKind k = kind(id);
    Set<Role> expectedRoles = Arrays.stream(roles.split(" ")).map(Role::valueOf).collect(Collectors.toSet());
    assertEquals(expectedRoles, k.roles(), "roles");
    assertEquals(unread, k.storage().unread(), "unread");
    assertEquals(history, k.storage().history(), "history");
    assertEquals(membership, k.storage().membership(), "membership");
    assertEquals(limit, k.limit().defaultMembers(), "default member limit");
    assertEquals(max, k.limit().maxMembers(), "max member limit");
    assertEquals(quit, k.ownership().quit(), "owner quit");
  }

  @Test
  @DisplayName("every row is listed once and found by its id")
  void everyRowOnce() {
    assertEquals(9, GroupKinds.ALL.size());
    assertEquals(9, GroupKinds.ALL.stream().map(GroupKind::id).distinct().count());
    GroupKinds.ALL.forEach(k -> assertEquals(k, kind(k.id())));
    assertTrue(GroupKinds.byId("tencent.ChatRoom").isEmpty(), "aliases are the adapters' business");
  }

  @Test
  @DisplayName("no cloud history means nothing to count unread and no stored members (AVChatRoom)")
  void noHistoryNoStore() {
    GroupKinds.ALL.stream().filter(k -> k.storage().history() == History.NONE).forEach(k -> {
      assertEquals(Unread.NOT_COUNTED, k.storage().unread(), k.id());
      assertEquals(Membership.NOT_STORED, k.storage().membership(), k.id());
    });
  }

  @Test
  @DisplayName("the default options are valid for every kind")
  void defaultsValid() {
    GroupKinds.ALL.forEach(k -> assertTrue(GroupRules.checkOptions(k, GroupOptions.DEFAULTS).ok(), k.id()));
  }

  @ParameterizedTest(name = "{0}: one more member at {1} → {2}")
  @CsvSource({
      "tencent.Work,       199,        OK",
      "tencent.Work,       200,        FULL",
      "tencent.Public,     1999,       OK",
      "tencent.Public,     2000,       FULL",
      "tencent.Meeting,    9999,       OK",
      "tencent.Meeting,    10000,      FULL",
      "tencent.Community,  99999,      OK",
      "tencent.Community,  100000,     FULL",
      "tencent.AVChatRoom, 2147483646, OK",
      "netease.advanced,   499,        OK",
      "netease.advanced,   500,        FULL",
      "rongcloud.group,    2999,       OK",
      "rongcloud.group,    3000,       FULL",
      "yuntongxun.public,  499,        OK",
      "yuntongxun.public,  500,        FULL",
      "yuntongxun.private, 500,        FULL",
  })
  @DisplayName("the default member limit refuses one member too many")
  void memberLimitReached(String id, int members, Expect expected) {
    Decision d = GroupRules.checkRoom(kind(id), GroupOptions.DEFAULTS, members);
    assertEquals(expected, Expect.of(d), d.message());
  }

  @ParameterizedTest(name = "{0}: mute for {1} s → {2}")
  @CsvSource({
      "tencent.Public,   0,                   OK",
      "tencent.Public,   4294967295,          OK",
      "tencent.Public,   4294967296,          DURATION",
      "tencent.Public,   -1,                  DURATION",
      "tencent.AVChatRoom, 4294967295,        OK",
      "rongcloud.group,  2592000,             OK",
      "rongcloud.group,  2592001,             DURATION",
      "netease.advanced, 9223372036854775807, OK",
  })
  @DisplayName("a mute lasts from 0 (lift) to the kind's longest (Tencent uint32 s, Rongcloud 43200 min, NetEase no end)")
  void muteDuration(String id, long seconds, Expect expected) {
    Decision d = GroupRules.mute(Actor.APP_SERVER, kind(id), Role.MEMBER, seconds);
    assertEquals(expected, Expect.of(d), d.message());
  }

  @ParameterizedTest(name = "{0}: {1} → {2}")
  @CsvSource({
      "tencent.Public,   make the owner an admin,       OWNER",
      "tencent.Public,   make an admin an admin,        MISMATCH",
      "tencent.Public,   make a member a member again,  MISMATCH",
      "tencent.Public,   transfer to an admin,          OK",
      "tencent.Public,   transfer to the owner,         MISMATCH",
      "netease.advanced, make the owner a member again, OWNER",
      "tencent.Work,     transfer to an admin,          ROLE",
  })
  @DisplayName("admin and owner changes need a target of the right role")
  void targets(String id, String what, Expect expected) {
    GroupKind k = kind(id);
    Decision d = switch (what) {
      case "make the owner an admin" -> GroupRules.setAdmin(Actor.OWNER, k, Role.OWNER, true);
      case "make an admin an admin" -> GroupRules.setAdmin(Actor.OWNER, k, Role.ADMIN, true);
      case "make a member a member again" -> GroupRules.setAdmin(Actor.OWNER, k, Role.MEMBER, false);
      case "make the owner a member again" -> GroupRules.setAdmin(Actor.OWNER, k, Role.OWNER, false);
      case "transfer to an admin" -> GroupRules.transferOwner(Actor.OWNER, k, Role.ADMIN);
      case "transfer to the owner" -> GroupRules.transferOwner(Actor.OWNER, k, Role.OWNER);
      default -> throw new IllegalArgumentException(what);
    };
    assertEquals(expected, Expect.of(d), d.message());
  }

  // ------------------------------------------------- decisions read the row, never the kind's identity

  private static final List<Named<BiFunction<GroupKind, Actor, Decision>>> OPERATIONS = List.of(
      Named.of("apply", (k, a) -> GroupRules.apply(a, k, GroupOptions.DEFAULTS, 0)),
      Named.of("invite", (k, a) -> GroupRules.invite(a, k, GroupOptions.DEFAULTS, 0)),
      Named.of("approve", (k, a) -> GroupRules.approve(a, k)),
      Named.of("edit", (k, a) -> GroupRules.edit(a, k, GroupOptions.DEFAULTS, GroupField.INFO)),
      Named.of("kick", (k, a) -> GroupRules.kick(a, k, Role.MEMBER)),
      Named.of("mute", (k, a) -> GroupRules.mute(a, k, Role.MEMBER, 60)),
      Named.of("mute all", (k, a) -> GroupRules.muteAll(a, k, MuteAll.MEMBERS)),
      Named.of("set admin", (k, a) -> GroupRules.setAdmin(a, k, Role.MEMBER, true)),
      Named.of("transfer", (k, a) -> GroupRules.transferOwner(a, k, Role.MEMBER)),
      Named.of("quit", (k, a) -> GroupRules.quit(a, k)),
      Named.of("dismiss", (k, a) -> GroupRules.dismiss(a, k)),
      Named.of("send", (k, a) -> GroupRules.send(a, k, GroupOptions.DEFAULTS, false)));

  static Stream<Arguments> renamedCopies() {
    List<Arguments> out = new ArrayList<>();
    for (GroupKind k : GroupKinds.ALL) {
      for (Named<BiFunction<GroupKind, Actor, Decision>> op : OPERATIONS) {
        out.add(Arguments.of(k.id(), op.getName(), k, op.getPayload()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} · {1}: a renamed copy of the row decides the same for every actor")
  @MethodSource
  @DisplayName("decisions read the row's columns, not which kind it is")
  void renamedCopies(String id, String op, GroupKind k, BiFunction<GroupKind, Actor, Decision> decide) {
    GroupKind copy = new GroupKind("copy.of." + id, k.roles(), k.join(), k.invite(), k.edit(), k.kickers(), k.mute(),
        k.ownership(), k.storage(), k.limit(), k.settings());
    for (Actor a : EnumSet.allOf(Actor.class)) {
      Decision original = decide.apply(k, a);
      Decision copied = decide.apply(copy, a);
      assertEquals(original.outcome(), copied.outcome(), a + ": " + copied.message());
      assertEquals(original.code(), copied.code(), a + ": " + copied.message());
    }
  }
}
