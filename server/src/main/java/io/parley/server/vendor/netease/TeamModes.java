package io.parley.server.vendor.netease;

import io.parley.server.group.Actor;
import io.parley.server.group.Actors;
import io.parley.server.group.Admission;
import io.parley.server.group.Consent;
import io.parley.server.group.GroupKind;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.GroupOptions;
import io.parley.server.group.MuteAll;
import io.parley.server.group.Role;
import java.util.Set;

/**
 * A team's modes as NetEase numbers them (netease.md §5) and the group options they are: joinmode 0 free / 1
 * approval / 2 nobody; beinvitemode 0 invitee agrees / 1 no consent; invitemode, uptinfomode, upcustommode 0 owner
 * and managers / 1 everyone; muteType 0 none / 1 normal members / 3 everyone.
 */
final class TeamModes {
  static final String KIND = GroupKinds.NETEASE_ADVANCED.id();

  private TeamModes() {}

  /** The options with the modes the form names; modes it leaves out stay as they are. */
  static GroupOptions read(NeteaseForm form, GroupOptions o) throws NeteaseRestException {
    if (form.optional("joinmode").isPresent()) {
      int v = mode(form, "joinmode", 2);
      o = o.withApply(v == 0 ? Admission.FREE : v == 1 ? Admission.APPROVAL : Admission.DISABLED);
    }
    if (form.optional("beinvitemode").isPresent()) {
      o = o.withInviteeConsent(mode(form, "beinvitemode", 1) == 0 ? Consent.NEEDED : Consent.NOT_NEEDED);
    }
    if (form.optional("invitemode").isPresent()) {
      o = o.withInviters(who(mode(form, "invitemode", 1)));
    }
    if (form.optional("uptinfomode").isPresent()) {
      o = o.withInfoEditors(who(mode(form, "uptinfomode", 1)));
    }
    if (form.optional("upcustommode").isPresent()) {
      o = o.withCustomEditors(who(mode(form, "upcustommode", 1)));
    }
    if (form.optional("teamMemberLimit").isPresent()) {
      o = o.withMemberLimit(form.intValue("teamMemberLimit", 0));
    }
    return o;
  }

  /** A team created here gets NetEase's defaults for the modes the form leaves out: 0 everywhere. */
  static GroupOptions defaults() {
    return GroupOptions.DEFAULTS.withApply(Admission.FREE).withInviteeConsent(Consent.NEEDED)
        .withInviters(Actors.MANAGERS).withInfoEditors(Actors.MANAGERS).withCustomEditors(Actors.MANAGERS);
  }

  static int joinmode(GroupOptions o) {
    Admission a = row(o).join().admission();
    return a == Admission.FREE ? 0 : a == Admission.APPROVAL ? 1 : 2;
  }

  static int beinvitemode(GroupOptions o) {
    return row(o).invite().consent() == Consent.NEEDED ? 0 : 1;
  }

  static int invitemode(GroupOptions o) {
    return everyone(row(o).invite().inviters());
  }

  static int uptinfomode(GroupOptions o) {
    return everyone(row(o).edit().info());
  }

  static int upcustommode(GroupOptions o) {
    return everyone(row(o).edit().custom());
  }

  static int muteType(MuteAll m) {
    return m == MuteAll.OFF ? 0 : m == MuteAll.MEMBERS ? 1 : 3;
  }

  /** muteType 0, 1 or 3. @throws NeteaseRestException 414 for any other */
  static MuteAll muteAll(int muteType) throws NeteaseRestException {
    switch (muteType) {
      case 0:
        return MuteAll.OFF;
      case 1:
        return MuteAll.MEMBERS;
      case 3:
        return MuteAll.EVERYONE;
      default:
        throw NeteaseRestException.parameter("muteType must be 0 (none), 1 (normal members) or 3 (everyone), not "
            + muteType);
    }
  }

  /** NetEase's member type: normal 0, creator (owner) 1, manager 2. */
  static int memberType(Role role) {
    return role == Role.OWNER ? 1 : role == Role.ADMIN ? 2 : 0;
  }

  private static GroupKind row(GroupOptions o) {
    return GroupKinds.NETEASE_ADVANCED.refinedBy(o);
  }

  private static int everyone(Set<Actor> who) {
    return who.contains(Actor.MEMBER) ? 1 : 0;
  }

  private static Set<Actor> who(int mode) {
    return mode == 0 ? Actors.MANAGERS : Actors.EVERYONE;
  }

  private static int mode(NeteaseForm form, String name, int max) throws NeteaseRestException {
    int v = form.intValue(name, 0);
    if (v < 0 || v > max) {
      throw NeteaseRestException.parameter(name + " must be 0 to " + max + ", not " + v);
    }
    return v;
  }
}
