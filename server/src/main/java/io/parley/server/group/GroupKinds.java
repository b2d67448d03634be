package io.parley.server.group;

import static io.parley.server.group.Actors.APP_SERVER;
import static io.parley.server.group.Actors.EVERYONE;
import static io.parley.server.group.Actors.MANAGERS;
import static io.parley.server.group.Actors.NOBODY;
import static io.parley.server.group.Actors.OWNER;
import static io.parley.server.group.GroupKind.UNLIMITED;

import io.parley.server.group.GroupKind.Edit;
import io.parley.server.group.GroupKind.Invite;
import io.parley.server.group.GroupKind.Join;
import io.parley.server.group.GroupKind.Limit;
import io.parley.server.group.GroupKind.Mute;
import io.parley.server.group.GroupKind.Ownership;
import io.parley.server.group.GroupKind.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table of group kinds, one row per vendor kind, as the vendor notes state them (tencent.md §7, netease.md §3 and
 * §5, rongcloud.md §5, yuntongxun.md §4). Where a note is silent the row's comment says what was chosen.
 */
public final class GroupKinds {
  private GroupKinds() {}

  private static final Set<Role> OWNER_ADMIN_MEMBER = Set.of(Role.OWNER, Role.ADMIN, Role.MEMBER);
  private static final Set<Role> OWNER_MEMBER = Set.of(Role.OWNER, Role.MEMBER);
  /** Tencent ShutUpTime is a uint32 of seconds. */
  private static final long TENCENT_MAX_MUTE = 4_294_967_295L;
  private static final Set<MuteAll> ON_OFF = Set.of(MuteAll.MEMBERS);
  /** Yuntongxun's ForbidSpeak has no end time; this longest mute (about 136 years) stands for "until allowed". */
  public static final long YUNTONGXUN_FORBID_SPEAK = 4_294_967_295L;

  /** Tencent Work (= Private): invite-only, any member invites and edits, no mute, the owner may quit. */
  public static final GroupKind TENCENT_WORK = new GroupKind("tencent.Work", OWNER_MEMBER,
      new Join(Admission.DISABLED, NOBODY),
      new Invite(EVERYONE, Admission.FREE, Consent.NOT_NEEDED),
      new Edit(EVERYONE, EVERYONE),
      OWNER,
      new Mute(NOBODY, 0, Set.of()),
      new Ownership(NOBODY, OWNER, APP_SERVER, OwnerQuit.ALLOWED),
      new Storage(Membership.STORED, History.SINCE_JOIN, Unread.COUNTED),
      new Limit(200, 200),
      Set.of(Setting.MEMBER_LIMIT));

  /** Tencent Public: applications approved by owner/admins (ApplyJoinOption), invites only by InviteJoinOption. */
  public static final GroupKind TENCENT_PUBLIC = new GroupKind("tencent.Public", OWNER_ADMIN_MEMBER,
      new Join(Admission.APPROVAL, MANAGERS),
      new Invite(EVERYONE, Admission.DISABLED, Consent.NOT_NEEDED),
      new Edit(MANAGERS, MANAGERS),
      MANAGERS,
      new Mute(MANAGERS, TENCENT_MAX_MUTE, ON_OFF),
      new Ownership(OWNER, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.STORED, History.SINCE_JOIN, Unread.COUNTED),
      new Limit(2000, 2000),
      Set.of(Setting.APPLY, Setting.INVITE, Setting.MEMBER_LIMIT));

  /** Tencent Meeting (= ChatRoom): join freely, history before joining, no unread counts. */
  public static final GroupKind TENCENT_MEETING = new GroupKind("tencent.Meeting", OWNER_ADMIN_MEMBER,
      new Join(Admission.FREE, MANAGERS),
      new Invite(EVERYONE, Admission.DISABLED, Consent.NOT_NEEDED),
      new Edit(MANAGERS, MANAGERS),
      MANAGERS,
      new Mute(MANAGERS, TENCENT_MAX_MUTE, ON_OFF),
      new Ownership(OWNER, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.STORED, History.BEFORE_JOIN, Unread.NOT_COUNTED),
      new Limit(10_000, 10_000),
      Set.of(Setting.INVITE, Setting.MEMBER_LIMIT));

  /** Tencent Community: join freely, any member invites, history before joining, unread counted. */
  public static final GroupKind TENCENT_COMMUNITY = new GroupKind("tencent.Community", OWNER_ADMIN_MEMBER,
      new Join(Admission.FREE, MANAGERS),
      new Invite(EVERYONE, Admission.FREE, Consent.NOT_NEEDED),
      new Edit(MANAGERS, MANAGERS),
      MANAGERS,
      new Mute(MANAGERS, TENCENT_MAX_MUTE, ON_OFF),
      new Ownership(OWNER, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.STORED, History.BEFORE_JOIN, Unread.COUNTED),
      new Limit(100_000, 100_000),
      Set.of(Setting.MEMBER_LIMIT));

  /**
   * Tencent AVChatRoom: join freely, nobody invites or kicks (the owner mutes instead), no stored membership, no
   * cloud history, unlimited. Transferring ownership: the note is silent; kept, as the kind has an owner.
   */
  public static final GroupKind TENCENT_AVCHATROOM = new GroupKind("tencent.AVChatRoom", OWNER_MEMBER,
      new Join(Admission.FREE, NOBODY),
      new Invite(NOBODY, Admission.DISABLED, Consent.NOT_NEEDED),
      new Edit(OWNER, OWNER),
      NOBODY,
      new Mute(OWNER, TENCENT_MAX_MUTE, ON_OFF),
      new Ownership(NOBODY, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.NOT_STORED, History.NONE, Unread.NOT_COUNTED),
      new Limit(UNLIMITED, UNLIMITED),
      Set.of(Setting.MEMBER_LIMIT));

  /**
   * NetEase advanced team: every mode (joinmode, invitemode, beinvitemode, uptinfomode, upcustommode) is a per-group
   * option, defaulting to the vendor's 0 (joinmode, required by team/create, defaults here to 1 approval); muteType
   * has "everyone"; a member mute is on/off with no end (muteTlist mute 1/0). 500 members, up to 2000.
   */
  public static final GroupKind NETEASE_ADVANCED = new GroupKind("netease.advanced", OWNER_ADMIN_MEMBER,
      new Join(Admission.APPROVAL, MANAGERS),
      new Invite(MANAGERS, Admission.FREE, Consent.NEEDED),
      new Edit(MANAGERS, MANAGERS),
      MANAGERS,
      new Mute(MANAGERS, Long.MAX_VALUE, Set.of(MuteAll.MEMBERS, MuteAll.EVERYONE)),
      new Ownership(OWNER, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.STORED, History.SINCE_JOIN, Unread.COUNTED),
      new Limit(500, 2000),
      Set.of(Setting.APPLY, Setting.INVITERS, Setting.INVITEE_CONSENT, Setting.INFO_EDITORS,
          Setting.CUSTOM_EDITORS, Setting.MEMBER_LIMIT));

  /**
   * Rongcloud basic group: membership and fan-out only, no roles (they are the app's business): any member invites
   * and quits; info, kicks, gags (1..43200 minutes), whole-group bans and dismissal are the app server's (Server API).
   */
  public static final GroupKind RONGCLOUD_GROUP = new GroupKind("rongcloud.group", Set.of(Role.MEMBER),
      new Join(Admission.FREE, NOBODY),
      new Invite(EVERYONE, Admission.FREE, Consent.NOT_NEEDED),
      new Edit(APP_SERVER, APP_SERVER),
      APP_SERVER,
      new Mute(APP_SERVER, 43_200L * 60, Set.of(MuteAll.EVERYONE)),
      new Ownership(NOBODY, NOBODY, APP_SERVER, OwnerQuit.ALLOWED),
      new Storage(Membership.STORED, History.SINCE_JOIN, Unread.COUNTED),
      new Limit(3000, 3000),
      Set.of());

  /**
   * Yuntongxun public group: anyone joins directly; the owner kicks and dismisses. The note is silent on invite
   * consent, editing, mute, transfer and limits: any member invites without consent, the owner edits and
   * transfers, 500 members. The owner may forbid a member to speak (the classic group REST API's
   * Member/ForbidSpeak, which has no end time: the longest mute stands for "until allowed again").
   */
  public static final GroupKind YUNTONGXUN_PUBLIC = new GroupKind("yuntongxun.public", OWNER_MEMBER,
      new Join(Admission.FREE, OWNER),
      new Invite(EVERYONE, Admission.FREE, Consent.NOT_NEEDED),
      new Edit(OWNER, OWNER),
      OWNER,
      new Mute(OWNER, YUNTONGXUN_FORBID_SPEAK, Set.of()),
      new Ownership(NOBODY, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.STORED, History.SINCE_JOIN, Unread.COUNTED),
      new Limit(500, 500),
      Set.of());

  /**
   * Yuntongxun private group: as public, but joining needs the admin's (the owner's) approval, and so does a
   * member's invitation (the note is silent on invitations; approval keeps the group closed).
   */
  public static final GroupKind YUNTONGXUN_PRIVATE = new GroupKind("yuntongxun.private", OWNER_MEMBER,
      new Join(Admission.APPROVAL, OWNER),
      new Invite(EVERYONE, Admission.APPROVAL, Consent.NOT_NEEDED),
      new Edit(OWNER, OWNER),
      OWNER,
      new Mute(OWNER, YUNTONGXUN_FORBID_SPEAK, Set.of()),
      new Ownership(NOBODY, OWNER, OWNER, OwnerQuit.TRANSFER_FIRST),
      new Storage(Membership.STORED, History.SINCE_JOIN, Unread.COUNTED),
      new Limit(500, 500),
      Set.of());

  /** Every row, in the order above. */
  public static final List<GroupKind> ALL = List.of(TENCENT_WORK, TENCENT_PUBLIC, TENCENT_MEETING, TENCENT_COMMUNITY,
      TENCENT_AVCHATROOM, NETEASE_ADVANCED, RONGCLOUD_GROUP, YUNTONGXUN_PUBLIC, YUNTONGXUN_PRIVATE);

  private static final Map<String, GroupKind> BY_ID =
      ALL.stream().collect(Collectors.toUnmodifiableMap(GroupKind::id, Function.identity()));

  /** The row with this id ({@code tencent.Public}, …). */
  public static Optional<GroupKind> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
