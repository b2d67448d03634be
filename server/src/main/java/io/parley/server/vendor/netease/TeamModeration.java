package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.group.MuteAll;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupView;
import io.parley.server.groupops.MemberResult;
import java.util.List;

/**
 * {@code team/muteTlist}, {@code muteTlistAll}, {@code changeOwner}, {@code addManager} and {@code removeManager}:
 * roles and mutes, each as the {@code owner} parameter (the owner, or a manager where the team lets managers do it).
 * A member's mute has no end: it holds until lifted.
 */
final class TeamModeration {
  static final int MAX_MANAGERS_PER_CALL = 10;
  /** "Until lifted": the core caps the deadline. */
  private static final long FOREVER_SECONDS = Long.MAX_VALUE / 1000;

  private final Teams teams;

  TeamModeration(Teams teams) {
    this.teams = teams;
  }

  /** {@code team/muteTlist}: tid, owner, accid, mute (1 mute, 0 lift) → {@code {}}. */
  ObjectNode muteTlist(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String operator = teams.account(app, form, "owner");
    String accid = form.required("accid");
    int mute = form.requiredInt("mute");
    if (mute != 0 && mute != 1) {
      throw NeteaseRestException.parameter("mute must be 1 (mute) or 0 (lift the mute), not " + mute);
    }
    List<MemberResult> r;
    try {
      r = teams.service.mute(app.id(), Caller.user(operator), team.record().groupId(), List.of(accid),
          mute == 1 ? FOREVER_SECONDS : 0);
    } catch (GroupRefused refused) {
      throw TeamRefusals.of(refused);
    }
    MemberResult one = r.get(0);
    if (one.kind() == MemberResult.Kind.REFUSED) {
      throw new NeteaseRestException(TeamRefusals.code(one.code()), one.message());
    }
    if (one.kind() == MemberResult.Kind.ALREADY) {
      throw new NeteaseRestException(NeteaseCodes.NOT_IN_TEAM, accid + " is not in team " + team.record().groupId());
    }
    return NeteaseAnswer.object();
  }

  /**
   * {@code team/muteTlistAll}: tid, owner, mute? ("true" mutes normal members, "false" lifts), muteType? (0 none, 1
   * normal members, 3 everyone); one of them, mute first when both → {@code {}}.
   */
  ObjectNode muteTlistAll(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String operator = teams.account(app, form, "owner");
    MuteAll level;
    if (form.optional("mute").isPresent()) {
      level = form.bool("mute", false) ? MuteAll.MEMBERS : MuteAll.OFF;
    } else if (form.optional("muteType").isPresent()) {
      level = TeamModes.muteAll(form.intValue("muteType", 0));
    } else {
      throw NeteaseRestException.parameter("mute or muteType is missing");
    }
    try {
      teams.service.muteAll(app.id(), Caller.user(operator), team.record().groupId(), level);
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }

  /** {@code team/changeOwner}: tid, owner, newowner, leave (1 the old owner leaves, 2 stays) → {@code {}}. */
  ObjectNode changeOwner(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String owner = teams.owner(team, form);
    String newOwner = form.required("newowner");
    int leave = form.requiredInt("leave");
    if (leave != 1 && leave != 2) {
      throw NeteaseRestException.parameter("leave must be 1 (the old owner leaves) or 2 (stays), not " + leave);
    }
    if (newOwner.equals(owner)) {
      throw new NeteaseRestException(NeteaseCodes.MEMBER_STATUS, newOwner + " already owns team "
          + team.record().groupId());
    }
    String tid = team.record().groupId();
    try {
      teams.service.transferOwner(app.id(), Caller.user(owner), tid, newOwner);
      if (leave == 1) {
        teams.service.quit(app.id(), owner, tid);
      }
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }

  /** {@code team/addManager}: tid, owner, members (up to 10) → {@code {}}. */
  ObjectNode addManager(App app, NeteaseForm form) throws NeteaseRestException {
    return managers(app, form, true);
  }

  /** {@code team/removeManager}: tid, owner, members (up to 10) → {@code {}}. */
  ObjectNode removeManager(App app, NeteaseForm form) throws NeteaseRestException {
    return managers(app, form, false);
  }

  private ObjectNode managers(App app, NeteaseForm form, boolean admin) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String owner = teams.owner(team, form);
    List<String> members = form.stringList("members", MAX_MANAGERS_PER_CALL);
    String tid = team.record().groupId();
    try {
      for (String m : members.stream().distinct().toList()) {
        teams.service.setAdmin(app.id(), Caller.user(owner), tid, m, admin);
      }
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }
}
