package io.parley.server.group;

import static io.parley.server.group.GroupKinds.NETEASE_ADVANCED;
import static io.parley.server.group.GroupKinds.RONGCLOUD_GROUP;
import static io.parley.server.group.GroupKinds.TENCENT_AVCHATROOM;
import static io.parley.server.group.GroupKinds.TENCENT_COMMUNITY;
import static io.parley.server.group.GroupKinds.TENCENT_MEETING;
import static io.parley.server.group.GroupKinds.TENCENT_PUBLIC;
import static io.parley.server.group.GroupKinds.TENCENT_WORK;
import static io.parley.server.group.GroupKinds.YUNTONGXUN_PRIVATE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Per-group options refine the kind where the vendor lets a group change it, and are refused where it does not. */
@DisplayName("Group options: the vendor's per-group modes override the kind's defaults")
class GroupOptionsTest {
  private static final GroupOptions D = GroupOptions.DEFAULTS;

  private static Arguments c(String name, Supplier<Decision> decision, Expect expected) {
    return Arguments.of(Named.of(name + " → " + expected.name().toLowerCase(java.util.Locale.ROOT), decision),
        expected);
  }

  static Stream<Arguments> overrides() {
    GroupOptions free = D.withApply(Admission.FREE);
    GroupOptions approval = D.withApply(Admission.APPROVAL);
    GroupOptions disabled = D.withApply(Admission.DISABLED);
    GroupOptions inviteFree = D.withInvite(Admission.FREE);
    GroupOptions invitePermission = D.withInvite(Admission.APPROVAL);
    GroupOptions inviteDisabled = D.withInvite(Admission.DISABLED);
    GroupOptions everyoneInvites = D.withInviters(Actors.EVERYONE);
    GroupOptions noConsent = D.withInviteeConsent(Consent.NOT_NEEDED);
    return Stream.of(
        // Tencent ApplyJoinOption: Public only
        c("tencent.Public · ApplyJoinOption FreeAccess · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, TENCENT_PUBLIC, free, 0), Expect.JOINED),
        c("tencent.Public · ApplyJoinOption NeedPermission · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, TENCENT_PUBLIC, approval, 0), Expect.APPROVAL),
        c("tencent.Public · ApplyJoinOption DisableApply · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, TENCENT_PUBLIC, disabled, 0), Expect.NOAPPLY),
        c("tencent.Public · ApplyJoinOption · accepted",
            () -> GroupRules.checkOptions(TENCENT_PUBLIC, disabled), Expect.OK),
        c("tencent.Work · ApplyJoinOption FreeAccess · apply (fixed: invite only)",
            () -> GroupRules.apply(Actor.OUTSIDER, TENCENT_WORK, free, 0), Expect.NOAPPLY),
        c("tencent.Work · ApplyJoinOption · refused",
            () -> GroupRules.checkOptions(TENCENT_WORK, free), Expect.NOOPTION),
        c("tencent.Meeting · ApplyJoinOption DisableApply · apply (fixed: free)",
            () -> GroupRules.apply(Actor.OUTSIDER, TENCENT_MEETING, disabled, 0), Expect.JOINED),
        c("tencent.Meeting · ApplyJoinOption · refused",
            () -> GroupRules.checkOptions(TENCENT_MEETING, disabled), Expect.NOOPTION),
        c("tencent.AVChatRoom · ApplyJoinOption · refused",
            () -> GroupRules.checkOptions(TENCENT_AVCHATROOM, approval), Expect.NOOPTION),
        // Tencent InviteJoinOption: Public and Meeting
        c("tencent.Public · InviteJoinOption FreeAccess · invite as member",
            () -> GroupRules.invite(Actor.MEMBER, TENCENT_PUBLIC, inviteFree, 0), Expect.JOINED),
        c("tencent.Public · InviteJoinOption FreeAccess · invite as admin",
            () -> GroupRules.invite(Actor.ADMIN, TENCENT_PUBLIC, inviteFree, 0), Expect.JOINED),
        c("tencent.Public · InviteJoinOption NeedPermission · invite as member",
            () -> GroupRules.invite(Actor.MEMBER, TENCENT_PUBLIC, invitePermission, 0), Expect.APPROVAL),
        c("tencent.Public · InviteJoinOption NeedPermission · invite as admin (an approver)",
            () -> GroupRules.invite(Actor.ADMIN, TENCENT_PUBLIC, invitePermission, 0), Expect.JOINED),
        c("tencent.Public · InviteJoinOption NeedPermission · invite as owner (an approver)",
            () -> GroupRules.invite(Actor.OWNER, TENCENT_PUBLIC, invitePermission, 0), Expect.JOINED),
        c("tencent.Public · InviteJoinOption DisableInvite · invite as owner",
            () -> GroupRules.invite(Actor.OWNER, TENCENT_PUBLIC, inviteDisabled, 0), Expect.NOINVITE),
        c("tencent.Public · InviteJoinOption DisableInvite · the app server still adds",
            () -> GroupRules.invite(Actor.APP_SERVER, TENCENT_PUBLIC, inviteDisabled, 0), Expect.JOINED),
        c("tencent.Meeting · InviteJoinOption FreeAccess · invite as member",
            () -> GroupRules.invite(Actor.MEMBER, TENCENT_MEETING, inviteFree, 0), Expect.JOINED),
        c("tencent.Meeting · InviteJoinOption · accepted",
            () -> GroupRules.checkOptions(TENCENT_MEETING, invitePermission), Expect.OK),
        c("tencent.Community · InviteJoinOption DisableInvite · invite as member (fixed: yes)",
            () -> GroupRules.invite(Actor.MEMBER, TENCENT_COMMUNITY, inviteDisabled, 0), Expect.JOINED),
        c("tencent.Community · InviteJoinOption · refused",
            () -> GroupRules.checkOptions(TENCENT_COMMUNITY, inviteDisabled), Expect.NOOPTION),
        c("tencent.AVChatRoom · InviteJoinOption FreeAccess · invite as owner (fixed: no)",
            () -> GroupRules.invite(Actor.OWNER, TENCENT_AVCHATROOM, inviteFree, 0), Expect.UNSUPPORTED),
        c("tencent.Work · InviteJoinOption · refused",
            () -> GroupRules.checkOptions(TENCENT_WORK, inviteDisabled), Expect.NOOPTION),
        // NetEase joinmode
        c("netease.advanced · joinmode 0 · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, NETEASE_ADVANCED, free, 0), Expect.JOINED),
        c("netease.advanced · joinmode 1 · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, NETEASE_ADVANCED, approval, 0), Expect.APPROVAL),
        c("netease.advanced · joinmode 2 · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, NETEASE_ADVANCED, disabled, 0), Expect.NOAPPLY),
        // NetEase beinvitemode, invitemode
        c("netease.advanced · beinvitemode 0 · invite as owner",
            () -> GroupRules.invite(Actor.OWNER, NETEASE_ADVANCED, D.withInviteeConsent(Consent.NEEDED), 0), Expect.CONSENT),
        c("netease.advanced · beinvitemode 1 · invite as owner",
            () -> GroupRules.invite(Actor.OWNER, NETEASE_ADVANCED, noConsent, 0), Expect.JOINED),
        c("netease.advanced · beinvitemode 1 · the app server adds",
            () -> GroupRules.invite(Actor.APP_SERVER, NETEASE_ADVANCED, noConsent, 0), Expect.JOINED),
        c("netease.advanced · invitemode 0 · invite as member",
            () -> GroupRules.invite(Actor.MEMBER, NETEASE_ADVANCED, D.withInviters(Actors.MANAGERS), 0), Expect.DENIED),
        c("netease.advanced · invitemode 1 · invite as member",
            () -> GroupRules.invite(Actor.MEMBER, NETEASE_ADVANCED, everyoneInvites, 0), Expect.CONSENT),
        c("netease.advanced · invitemode 1 + beinvitemode 1 · invite as member",
            () -> GroupRules.invite(Actor.MEMBER, NETEASE_ADVANCED, everyoneInvites.withInviteeConsent(Consent.NOT_NEEDED), 0), Expect.JOINED),
        c("netease.advanced · InviteJoinOption (Tencent's) · refused",
            () -> GroupRules.checkOptions(NETEASE_ADVANCED, inviteFree), Expect.NOOPTION),
        // NetEase uptinfomode, upcustommode
        c("netease.advanced · uptinfomode 0 · edit info as member",
            () -> GroupRules.edit(Actor.MEMBER, NETEASE_ADVANCED, D.withInfoEditors(Actors.MANAGERS), GroupField.INFO), Expect.DENIED),
        c("netease.advanced · uptinfomode 1 · edit info as member",
            () -> GroupRules.edit(Actor.MEMBER, NETEASE_ADVANCED, D.withInfoEditors(Actors.EVERYONE), GroupField.INFO), Expect.OK),
        c("netease.advanced · uptinfomode 1 · custom fields stay managers'",
            () -> GroupRules.edit(Actor.MEMBER, NETEASE_ADVANCED, D.withInfoEditors(Actors.EVERYONE), GroupField.CUSTOM), Expect.DENIED),
        c("netease.advanced · upcustommode 1 · edit custom as member",
            () -> GroupRules.edit(Actor.MEMBER, NETEASE_ADVANCED, D.withCustomEditors(Actors.EVERYONE), GroupField.CUSTOM), Expect.OK),
        c("netease.advanced · upcustommode 1 · info stays managers'",
            () -> GroupRules.edit(Actor.MEMBER, NETEASE_ADVANCED, D.withCustomEditors(Actors.EVERYONE), GroupField.INFO), Expect.DENIED),
        c("tencent.Public · uptinfomode (NetEase's) · refused",
            () -> GroupRules.checkOptions(TENCENT_PUBLIC, D.withInfoEditors(Actors.EVERYONE)), Expect.NOOPTION),
        c("tencent.Public · uptinfomode ignored · edit info as member",
            () -> GroupRules.edit(Actor.MEMBER, TENCENT_PUBLIC, D.withInfoEditors(Actors.EVERYONE), GroupField.INFO), Expect.DENIED),
        // muteType / MuteAllMember
        c("netease.advanced · muteType 1 · accepted",
            () -> GroupRules.checkOptions(NETEASE_ADVANCED, D.withMuteAll(MuteAll.MEMBERS)), Expect.OK),
        c("netease.advanced · muteType 3 · accepted",
            () -> GroupRules.checkOptions(NETEASE_ADVANCED, D.withMuteAll(MuteAll.EVERYONE)), Expect.OK),
        c("netease.advanced · muteType 3 · owner sends",
            () -> GroupRules.send(Actor.OWNER, NETEASE_ADVANCED, D.withMuteAll(MuteAll.EVERYONE), false), Expect.MUTEDALL),
        c("tencent.Public · MuteAllMember On · accepted",
            () -> GroupRules.checkOptions(TENCENT_PUBLIC, D.withMuteAll(MuteAll.MEMBERS)), Expect.OK),
        c("tencent.Public · mute everyone · refused",
            () -> GroupRules.checkOptions(TENCENT_PUBLIC, D.withMuteAll(MuteAll.EVERYONE)), Expect.NOLEVEL),
        c("tencent.Work · MuteAllMember On · refused",
            () -> GroupRules.checkOptions(TENCENT_WORK, D.withMuteAll(MuteAll.MEMBERS)), Expect.NOLEVEL),
        c("rongcloud.group · group ban · accepted",
            () -> GroupRules.checkOptions(RONGCLOUD_GROUP, D.withMuteAll(MuteAll.EVERYONE)), Expect.OK),
        // kinds without options
        c("rongcloud.group · an application mode · refused",
            () -> GroupRules.checkOptions(RONGCLOUD_GROUP, approval), Expect.NOOPTION),
        c("rongcloud.group · an application mode ignored · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, RONGCLOUD_GROUP, approval, 0), Expect.JOINED),
        c("yuntongxun.private · free joining · refused (the kind is the mode)",
            () -> GroupRules.checkOptions(YUNTONGXUN_PRIVATE, free), Expect.NOOPTION),
        c("yuntongxun.private · free joining ignored · apply",
            () -> GroupRules.apply(Actor.OUTSIDER, YUNTONGXUN_PRIVATE, free, 0), Expect.APPROVAL),
        // member limits
        c("netease.advanced · teamMemberLimit 2000 · accepted",
            () -> GroupRules.checkOptions(NETEASE_ADVANCED, D.withMemberLimit(2000)), Expect.OK),
        c("netease.advanced · teamMemberLimit 2001 · refused",
            () -> GroupRules.checkOptions(NETEASE_ADVANCED, D.withMemberLimit(2001)), Expect.BADLIMIT),
        c("netease.advanced · teamMemberLimit 0 · refused",
            () -> GroupRules.checkOptions(NETEASE_ADVANCED, D.withMemberLimit(0)), Expect.BADLIMIT),
        c("netease.advanced · default 500 · apply at 500",
            () -> GroupRules.apply(Actor.OUTSIDER, NETEASE_ADVANCED, free, 500), Expect.FULL),
        c("netease.advanced · teamMemberLimit 1000 · apply at 500",
            () -> GroupRules.apply(Actor.OUTSIDER, NETEASE_ADVANCED, free.withMemberLimit(1000), 500), Expect.JOINED),
        c("tencent.Work · MaxMemberCount 100 · invite at 99",
            () -> GroupRules.invite(Actor.MEMBER, TENCENT_WORK, D.withMemberLimit(100), 99), Expect.JOINED),
        c("tencent.Work · MaxMemberCount 100 · invite at 100",
            () -> GroupRules.invite(Actor.MEMBER, TENCENT_WORK, D.withMemberLimit(100), 100), Expect.FULL),
        c("tencent.Work · MaxMemberCount 201 · refused",
            () -> GroupRules.checkOptions(TENCENT_WORK, D.withMemberLimit(201)), Expect.BADLIMIT),
        c("tencent.Public · pending application · still needs room",
            () -> GroupRules.apply(Actor.OUTSIDER, TENCENT_PUBLIC, D, 2000), Expect.FULL),
        c("rongcloud.group · member limit · refused",
            () -> GroupRules.checkOptions(RONGCLOUD_GROUP, D.withMemberLimit(10)), Expect.NOOPTION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  @DisplayName("an option overrides the kind where the vendor allows it, and only there")
  void overrides(Supplier<Decision> decision, Expect expected) {
    Decision d = decision.get();
    assertEquals(expected, Expect.of(d), d.message());
  }

  @ParameterizedTest(name = "{0} · member limit option {1} → {2}")
  @CsvSource({
      "netease.advanced,   2000, 2000",
      "netease.advanced,   5000, 2000",
      "netease.advanced,    100,  100",
      "tencent.Work,        100,  100",
      "tencent.Work,        300,  200",
      "rongcloud.group,      10, 3000",
      "yuntongxun.public,    10,  500",
  })
  @DisplayName("the member limit is the option (capped at the kind's maximum) where the kind allows one")
  void memberLimit(String kind, int option, int limit) {
    assertEquals(limit, GroupRules.memberLimit(GroupKinds.byId(kind).orElseThrow(), D.withMemberLimit(option)));
  }
}
