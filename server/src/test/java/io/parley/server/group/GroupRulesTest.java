package io.parley.server.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.group.Matrix.Case;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind × operation × actor, with the kind's own defaults, against the vendor notes (tencent.md §7, netease.md
 * §3/§5, rongcloud.md §5, yuntongxun.md §4). Words: ok, joined, approval (pending), consent (pending), and refusals:
 * member (not a member), already, role (role not in kind), unsupported, denied, outranks, owner (protected),
 * mismatch, noapply, noinvite, full, stay (owner cannot quit), muted, mutedall, nolevel.
 */
@DisplayName("Group rules: each kind, operation and actor as the vendor notes say")
class GroupRulesTest {
  private static final GroupOptions D = GroupOptions.DEFAULTS;
  private static final String ACTORS = "APP_SERVER OWNER ADMIN MEMBER OUTSIDER\n";

  static void check(Case c, Decision d) {
    assertEquals(c.expected(), Expect.of(d), d.message());
    if (!d.ok()) {
      assertTrue(d.message().contains(c.kind().id()) || d.message().contains("already"),
          "the message names the kind: " + d.message());
    }
  }

  private static Stream<Arguments> table(String operation, String rows) {
    return Matrix.cases(operation, ACTORS + rows).stream();
  }

  // ---------------------------------------------------------------- apply

  static Stream<Arguments> apply() {
    return table("apply to join", """
        tencent.Work        denied ALREADY ROLE    ALREADY NOAPPLY
        tencent.Public      denied ALREADY ALREADY ALREADY APPROVAL
        tencent.Meeting     denied ALREADY ALREADY ALREADY JOINED
        tencent.Community   denied ALREADY ALREADY ALREADY JOINED
        tencent.AVChatRoom  denied ALREADY ROLE    ALREADY JOINED
        netease.advanced    denied ALREADY ALREADY ALREADY APPROVAL
        rongcloud.group     denied ROLE    ROLE    ALREADY JOINED
        yuntongxun.public   denied ALREADY ROLE    ALREADY JOINED
        yuntongxun.private  denied ALREADY ROLE    ALREADY APPROVAL
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("apply to join")
  void apply(Case c) {
    check(c, GroupRules.apply(c.actor(), c.kind(), D, 0));
  }

  // ---------------------------------------------------------------- invite

  static Stream<Arguments> invite() {
    return table("invite a user", """
        tencent.Work        joined      joined      role     joined      member
        tencent.Public      joined      noinvite    noinvite noinvite    member
        tencent.Meeting     joined      noinvite    noinvite noinvite    member
        tencent.Community   joined      joined      joined   joined      member
        tencent.AVChatRoom  unsupported unsupported role     unsupported member
        netease.advanced    consent     consent     consent  denied      member
        rongcloud.group     joined      role        role     joined      member
        yuntongxun.public   joined      joined      role     joined      member
        yuntongxun.private  joined      joined      role     approval    member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("invite a user")
  void invite(Case c) {
    check(c, GroupRules.invite(c.actor(), c.kind(), D, 0));
  }

  // ---------------------------------------------------------------- approve

  static Stream<Arguments> approve() {
    return table("approve a request to join", """
        tencent.Work        unsupported unsupported role unsupported member
        tencent.Public      ok          ok          ok   denied      member
        tencent.Meeting     ok          ok          ok   denied      member
        tencent.Community   ok          ok          ok   denied      member
        tencent.AVChatRoom  unsupported unsupported role unsupported member
        netease.advanced    ok          ok          ok   denied      member
        rongcloud.group     unsupported role        role unsupported member
        yuntongxun.public   ok          ok          role denied      member
        yuntongxun.private  ok          ok          role denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("approve a request to join")
  void approve(Case c) {
    check(c, GroupRules.approve(c.actor(), c.kind()));
  }

  // ---------------------------------------------------------------- edit

  private static final String EDIT = """
      tencent.Work        ok ok   role ok     member
      tencent.Public      ok ok   ok   denied member
      tencent.Meeting     ok ok   ok   denied member
      tencent.Community   ok ok   ok   denied member
      tencent.AVChatRoom  ok ok   role denied member
      netease.advanced    ok ok   ok   denied member
      rongcloud.group     ok role role denied member
      yuntongxun.public   ok ok   role denied member
      yuntongxun.private  ok ok   role denied member
      """;

  static Stream<Arguments> editInfo() {
    return table("edit the group's info", EDIT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("edit the group's info")
  void editInfo(Case c) {
    check(c, GroupRules.edit(c.actor(), c.kind(), D, GroupField.INFO));
  }

  static Stream<Arguments> editCustom() {
    return table("edit the group's custom fields", EDIT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("edit the group's custom fields")
  void editCustom(Case c) {
    check(c, GroupRules.edit(c.actor(), c.kind(), D, GroupField.CUSTOM));
  }

  // ---------------------------------------------------------------- kick

  static Stream<Arguments> kickMember() {
    return table("kick a member", """
        tencent.Work        ok          ok          role denied      member
        tencent.Public      ok          ok          ok   denied      member
        tencent.Meeting     ok          ok          ok   denied      member
        tencent.Community   ok          ok          ok   denied      member
        tencent.AVChatRoom  unsupported unsupported role unsupported member
        netease.advanced    ok          ok          ok   denied      member
        rongcloud.group     ok          role        role denied      member
        yuntongxun.public   ok          ok          role denied      member
        yuntongxun.private  ok          ok          role denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("kick a member")
  void kickMember(Case c) {
    check(c, GroupRules.kick(c.actor(), c.kind(), Role.MEMBER));
  }

  static Stream<Arguments> kickAdmin() {
    return table("kick an admin", """
        tencent.Work        role        role        role     denied      member
        tencent.Public      ok          ok          outranks denied      member
        tencent.Meeting     ok          ok          outranks denied      member
        tencent.Community   ok          ok          outranks denied      member
        tencent.AVChatRoom  unsupported unsupported role     unsupported member
        netease.advanced    ok          ok          outranks denied      member
        rongcloud.group     role        role        role     denied      member
        yuntongxun.public   role        role        role     denied      member
        yuntongxun.private  role        role        role     denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("kick an admin")
  void kickAdmin(Case c) {
    check(c, GroupRules.kick(c.actor(), c.kind(), Role.ADMIN));
  }

  static Stream<Arguments> kickOwner() {
    return table("kick the owner", """
        tencent.Work        owner       owner       role  denied      member
        tencent.Public      owner       owner       owner denied      member
        tencent.Meeting     owner       owner       owner denied      member
        tencent.Community   owner       owner       owner denied      member
        tencent.AVChatRoom  unsupported unsupported role  unsupported member
        netease.advanced    owner       owner       owner denied      member
        rongcloud.group     role        role        role  denied      member
        yuntongxun.public   owner       owner       role  denied      member
        yuntongxun.private  owner       owner       role  denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("kick the owner")
  void kickOwner(Case c) {
    check(c, GroupRules.kick(c.actor(), c.kind(), Role.OWNER));
  }

  // ---------------------------------------------------------------- mute

  static Stream<Arguments> muteMember() {
    return table("mute a member for 60 s", """
        tencent.Work        unsupported unsupported role unsupported member
        tencent.Public      ok          ok          ok   denied      member
        tencent.Meeting     ok          ok          ok   denied      member
        tencent.Community   ok          ok          ok   denied      member
        tencent.AVChatRoom  ok          ok          role denied      member
        netease.advanced    ok          ok          ok   denied      member
        rongcloud.group     ok          role        role denied      member
        yuntongxun.public   ok          ok          role denied      member
        yuntongxun.private  ok          ok          role denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("mute a member for 60 s")
  void muteMember(Case c) {
    check(c, GroupRules.mute(c.actor(), c.kind(), Role.MEMBER, 60));
  }

  static Stream<Arguments> muteAdmin() {
    return table("mute an admin for 60 s", """
        tencent.Work        unsupported unsupported role     unsupported member
        tencent.Public      ok          ok          outranks denied      member
        tencent.Meeting     ok          ok          outranks denied      member
        tencent.Community   ok          ok          outranks denied      member
        tencent.AVChatRoom  role        role        role     denied      member
        netease.advanced    ok          ok          outranks denied      member
        rongcloud.group     role        role        role     denied      member
        yuntongxun.public   role        role        role     denied      member
        yuntongxun.private  role        role        role     denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("mute an admin for 60 s")
  void muteAdmin(Case c) {
    check(c, GroupRules.mute(c.actor(), c.kind(), Role.ADMIN, 60));
  }

  static Stream<Arguments> muteAllMembers() {
    return table("mute all normal members", """
        tencent.Work        unsupported unsupported role unsupported member
        tencent.Public      ok          ok          ok   denied      member
        tencent.Meeting     ok          ok          ok   denied      member
        tencent.Community   ok          ok          ok   denied      member
        tencent.AVChatRoom  ok          ok          role denied      member
        netease.advanced    ok          ok          ok   denied      member
        rongcloud.group     nolevel     role        role denied      member
        yuntongxun.public   nolevel     nolevel     role denied      member
        yuntongxun.private  nolevel     nolevel     role denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("mute all normal members")
  void muteAllMembers(Case c) {
    check(c, GroupRules.muteAll(c.actor(), c.kind(), MuteAll.MEMBERS));
  }

  static Stream<Arguments> muteEveryone() {
    return table("mute everyone, owner included", """
        tencent.Work        unsupported unsupported role    unsupported member
        tencent.Public      nolevel     nolevel     nolevel denied      member
        tencent.Meeting     nolevel     nolevel     nolevel denied      member
        tencent.Community   nolevel     nolevel     nolevel denied      member
        tencent.AVChatRoom  nolevel     nolevel     role    denied      member
        netease.advanced    ok          ok          ok      denied      member
        rongcloud.group     ok          role        role    denied      member
        yuntongxun.public   nolevel     nolevel     role    denied      member
        yuntongxun.private  nolevel     nolevel     role    denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("mute everyone, owner included")
  void muteEveryone(Case c) {
    check(c, GroupRules.muteAll(c.actor(), c.kind(), MuteAll.EVERYONE));
  }

  // ---------------------------------------------------------------- admins and ownership

  private static final String APPOINT = """
      tencent.Work        unsupported unsupported role   unsupported member
      tencent.Public      ok          ok          denied denied      member
      tencent.Meeting     ok          ok          denied denied      member
      tencent.Community   ok          ok          denied denied      member
      tencent.AVChatRoom  unsupported unsupported role   unsupported member
      netease.advanced    ok          ok          denied denied      member
      rongcloud.group     unsupported role        role   unsupported member
      yuntongxun.public   unsupported unsupported role   unsupported member
      yuntongxun.private  unsupported unsupported role   unsupported member
      """;

  static Stream<Arguments> setAdmin() {
    return table("make a member an admin", APPOINT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("make a member an admin")
  void setAdmin(Case c) {
    check(c, GroupRules.setAdmin(c.actor(), c.kind(), Role.MEMBER, true));
  }

  static Stream<Arguments> unsetAdmin() {
    return table("make an admin a member again", APPOINT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("make an admin a member again")
  void unsetAdmin(Case c) {
    check(c, GroupRules.setAdmin(c.actor(), c.kind(), Role.ADMIN, false));
  }

  static Stream<Arguments> transferOwner() {
    return table("transfer ownership to a member", """
        tencent.Work        ok          ok   role   denied      member
        tencent.Public      ok          ok   denied denied      member
        tencent.Meeting     ok          ok   denied denied      member
        tencent.Community   ok          ok   denied denied      member
        tencent.AVChatRoom  ok          ok   role   denied      member
        netease.advanced    ok          ok   denied denied      member
        rongcloud.group     unsupported role role   unsupported member
        yuntongxun.public   ok          ok   role   denied      member
        yuntongxun.private  ok          ok   role   denied      member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("transfer ownership to a member")
  void transferOwner(Case c) {
    check(c, GroupRules.transferOwner(c.actor(), c.kind(), Role.MEMBER));
  }

  static Stream<Arguments> quit() {
    return table("quit the group", """
        tencent.Work        member ok   role ok member
        tencent.Public      member stay ok   ok member
        tencent.Meeting     member stay ok   ok member
        tencent.Community   member stay ok   ok member
        tencent.AVChatRoom  member stay role ok member
        netease.advanced    member stay ok   ok member
        rongcloud.group     member role role ok member
        yuntongxun.public   member stay role ok member
        yuntongxun.private  member stay role ok member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("quit the group")
  void quit(Case c) {
    check(c, GroupRules.quit(c.actor(), c.kind()));
  }

  static Stream<Arguments> dismiss() {
    return table("dismiss the group", """
        tencent.Work        ok denied role   denied member
        tencent.Public      ok ok     denied denied member
        tencent.Meeting     ok ok     denied denied member
        tencent.Community   ok ok     denied denied member
        tencent.AVChatRoom  ok ok     role   denied member
        netease.advanced    ok ok     denied denied member
        rongcloud.group     ok role   role   denied member
        yuntongxun.public   ok ok     role   denied member
        yuntongxun.private  ok ok     role   denied member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("dismiss the group")
  void dismiss(Case c) {
    check(c, GroupRules.dismiss(c.actor(), c.kind()));
  }

  // ---------------------------------------------------------------- send

  static Stream<Arguments> send() {
    return table("send a message", """
        tencent.Work        ok ok   role ok member
        tencent.Public      ok ok   ok   ok member
        tencent.Meeting     ok ok   ok   ok member
        tencent.Community   ok ok   ok   ok member
        tencent.AVChatRoom  ok ok   role ok member
        netease.advanced    ok ok   ok   ok member
        rongcloud.group     ok role role ok member
        yuntongxun.public   ok ok   role ok member
        yuntongxun.private  ok ok   role ok member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("send a message")
  void send(Case c) {
    check(c, GroupRules.send(c.actor(), c.kind(), D, false));
  }

  static Stream<Arguments> sendMuted() {
    return table("send while muted", """
        tencent.Public      ok muted muted muted member
        tencent.Meeting     ok muted muted muted member
        tencent.Community   ok muted muted muted member
        tencent.AVChatRoom  ok muted role  muted member
        netease.advanced    ok muted muted muted member
        rongcloud.group     ok role  role  muted member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("send while muted (kinds that mute)")
  void sendMuted(Case c) {
    check(c, GroupRules.send(c.actor(), c.kind(), D, true));
  }

  static Stream<Arguments> sendMembersMuted() {
    return table("send while all normal members are muted", """
        tencent.Public      ok ok   ok   mutedall member
        tencent.Meeting     ok ok   ok   mutedall member
        tencent.Community   ok ok   ok   mutedall member
        tencent.AVChatRoom  ok ok   role mutedall member
        netease.advanced    ok ok   ok   mutedall member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("send while all normal members are muted (owner and admins may)")
  void sendMembersMuted(Case c) {
    check(c, GroupRules.send(c.actor(), c.kind(), D.withMuteAll(MuteAll.MEMBERS), false));
  }

  static Stream<Arguments> sendEveryoneMuted() {
    return table("send while everyone is muted", """
        netease.advanced    ok mutedall mutedall mutedall member
        rongcloud.group     ok role     role     mutedall member
        """);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("send while everyone is muted (NetEase muteType 3, Rongcloud group ban)")
  void sendEveryoneMuted(Case c) {
    check(c, GroupRules.send(c.actor(), c.kind(), D.withMuteAll(MuteAll.EVERYONE), false));
  }
}
