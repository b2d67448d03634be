package io.parley.server.group;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A group's own settings that refine its kind where the vendor allows it (see {@link GroupKind#settings()}), plus its
 * whole-group mute. Empty means "as the kind says". Vendor adapters map their fields onto these:
 *
 * <ul>
 *   <li>{@code apply}: Tencent ApplyJoinOption FreeAccess / NeedPermission / DisableApply; NetEase joinmode 0 / 1 / 2
 *   <li>{@code invite}: Tencent InviteJoinOption FreeAccess / NeedPermission / DisableInvite
 *   <li>{@code inviters}: NetEase invitemode 0 {@link Actors#MANAGERS} / 1 {@link Actors#EVERYONE}
 *   <li>{@code inviteeConsent}: NetEase beinvitemode 0 {@link Consent#NEEDED} / 1 {@link Consent#NOT_NEEDED}
 *   <li>{@code infoEditors}, {@code customEditors}: NetEase uptinfomode, upcustommode 0 managers / 1 everyone
 *   <li>{@code memberLimit}: Tencent MaxMemberCount, NetEase teamMemberLimit
 *   <li>{@code muteAll}: Tencent MuteAllMember Off / On; NetEase muteType 0 / 1 / 3; Rongcloud group ban
 * </ul>
 */
public record GroupOptions(
    Optional<Admission> apply,
    Optional<Admission> invite,
    Optional<Set<Actor>> inviters,
    Optional<Consent> inviteeConsent,
    Optional<Set<Actor>> infoEditors,
    Optional<Set<Actor>> customEditors,
    OptionalInt memberLimit,
    MuteAll muteAll) {

  /** Everything as the kind says, no whole-group mute. */
  public static final GroupOptions DEFAULTS = new GroupOptions(Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), MuteAll.OFF);

  /** Copies the sets. */
  public GroupOptions {
    inviters = inviters.map(Set::copyOf);
    infoEditors = infoEditors.map(Set::copyOf);
    customEditors = customEditors.map(Set::copyOf);
  }

  /** With an application admission. */
  public GroupOptions withApply(Admission a) {
    return new GroupOptions(Optional.of(a), invite, inviters, inviteeConsent, infoEditors, customEditors,
        memberLimit, muteAll);
  }

  /** With an admission for members' invitations. */
  public GroupOptions withInvite(Admission a) {
    return new GroupOptions(apply, Optional.of(a), inviters, inviteeConsent, infoEditors, customEditors,
        memberLimit, muteAll);
  }

  /** With who may invite. */
  public GroupOptions withInviters(Set<Actor> who) {
    return new GroupOptions(apply, invite, Optional.of(who), inviteeConsent, infoEditors, customEditors,
        memberLimit, muteAll);
  }

  /** With whether an invitee must agree. */
  public GroupOptions withInviteeConsent(Consent c) {
    return new GroupOptions(apply, invite, inviters, Optional.of(c), infoEditors, customEditors, memberLimit,
        muteAll);
  }

  /** With who may edit the group's info. */
  public GroupOptions withInfoEditors(Set<Actor> who) {
    return new GroupOptions(apply, invite, inviters, inviteeConsent, Optional.of(who), customEditors, memberLimit,
        muteAll);
  }

  /** With who may edit the group's custom fields. */
  public GroupOptions withCustomEditors(Set<Actor> who) {
    return new GroupOptions(apply, invite, inviters, inviteeConsent, infoEditors, Optional.of(who), memberLimit,
        muteAll);
  }

  /** With a member limit. */
  public GroupOptions withMemberLimit(int limit) {
    return new GroupOptions(apply, invite, inviters, inviteeConsent, infoEditors, customEditors,
        OptionalInt.of(limit), muteAll);
  }

  /** With a whole-group mute. */
  public GroupOptions withMuteAll(MuteAll m) {
    return new GroupOptions(apply, invite, inviters, inviteeConsent, infoEditors, customEditors, memberLimit, m);
  }
}
