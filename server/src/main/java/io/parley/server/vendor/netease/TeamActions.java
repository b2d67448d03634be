package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.group.Consent;
import io.parley.server.group.GroupOptions;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupChange;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupView;
import io.parley.server.groupops.MemberResult;
import io.parley.server.groupops.NewGroup;
import io.parley.server.store.GroupStore;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code team/create}, {@code add}, {@code kick}, {@code remove}, {@code leave}, {@code update} and {@code applyJoin}:
 * an advanced team's membership and info. The {@code owner} parameter is the operator, held to the team's modes
 * (invitemode for add, uptinfomode and upcustommode for update, rank for kick); remove needs the owner itself.
 *
 * <p>Whether an invitee must agree: only when the call asks for it ({@code magree} 1) and the team does not waive it
 * ({@code beinvitemode} 1); otherwise the invitee joins at once.
 */
final class TeamActions {
  static final int MAX_MEMBERS_PER_CALL = 200;
  static final int MAX_TNAME = 64;
  static final int MAX_MSG = 150;
  static final int MAX_ANNOUNCEMENT = 1024;
  static final int MAX_INTRO = 512;
  static final int MAX_ICON = 1024;
  static final int MAX_CUSTOM = 1024;
  /** Added to the app's group counter: NetEase's tids are numbers, these of ten digits. */
  private static final long TID_BASE = 1_000_000_000L;

  private final Teams teams;
  private final GroupStore store;

  TeamActions(Teams teams, GroupStore store) {
    this.teams = teams;
    this.store = store;
  }

  /**
   * {@code team/create}: tname, owner, members (the owner excluded), msg, magree, joinmode, announcement?, intro?,
   * icon?, custom?, beinvitemode?, invitemode?, uptinfomode?, upcustommode?, teamMemberLimit? → {@code tid}, and
   * {@code faccid} {accid, msg} for the members who could not be added (not registered, or refused).
   */
  ObjectNode create(App app, NeteaseForm form) throws NeteaseRestException {
    String tname = form.required("tname");
    form.optional("tname", MAX_TNAME);
    String owner = teams.account(app, form, "owner");
    List<String> members = form.stringList("members", MAX_MEMBERS_PER_CALL, true);
    String msg = message(form);
    boolean magree = magree(form);
    form.requiredInt("joinmode");
    GroupOptions options = TeamModes.read(form, TeamModes.defaults());
    Map<String, String> custom = form.optional("custom", MAX_CUSTOM).map(c -> Map.of(TeamInfo.CUSTOM, c))
        .orElse(Map.of());
    String tid = Long.toString(Long.parseLong(store.nextGroupId(app.id()), 36) + TID_BASE);
    NewGroup team = new NewGroup(tid, TeamModes.KIND, owner, tname, form.optional("intro", MAX_INTRO).orElse(""),
        form.optional("announcement", MAX_ANNOUNCEMENT).orElse(""), form.optional("icon", MAX_ICON).orElse(""),
        options, custom, List.of());
    GroupView created;
    try {
      created = teams.service.create(app.id(), Caller.APP_SERVER, team);
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    Failed failed = new Failed();
    List<String> invitees = registeredOnly(app, members.stream().filter(m -> !m.equals(owner)).distinct().toList(),
        failed);
    if (!invitees.isEmpty()) {
      invite(app, created, owner, invitees, msg, magree, failed);
    }
    ObjectNode out = NeteaseAnswer.object().put("tid", tid);
    failed.into(out);
    return out;
  }

  /**
   * {@code team/add}: tid, owner (the inviter, per invitemode), members, magree, msg → {@code faccid} for the members
   * who could not be added; when none could, the first refusal's code.
   */
  ObjectNode add(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String inviter = teams.account(app, form, "owner");
    List<String> members = form.stringList("members", MAX_MEMBERS_PER_CALL);
    String msg = message(form);
    boolean magree = magree(form);
    Failed failed = new Failed();
    List<String> invitees = registeredOnly(app, members.stream().distinct().toList(), failed);
    int done = invitees.isEmpty() ? 0 : invite(app, team, inviter, invitees, msg, magree, failed);
    if (done == 0 && failed.code != 0) {
      throw new NeteaseRestException(failed.code, failed.desc);
    }
    ObjectNode out = NeteaseAnswer.object();
    failed.into(out);
    return out;
  }

  /** {@code team/kick}: tid, owner (the owner or a manager), member or members (a JSON array) → {@code {}}. */
  ObjectNode kick(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String operator = teams.account(app, form, "owner");
    List<String> targets = form.optional("members").isPresent() ? form.stringList("members", MAX_MEMBERS_PER_CALL)
        : List.of(form.required("member"));
    Set<String> in = teams.members(app, team.record().groupId()).stream().map(MemberRecord::userId)
        .collect(Collectors.toSet());
    for (String t : targets) {
      if (!in.contains(t)) {
        throw new NeteaseRestException(NeteaseCodes.NOT_IN_TEAM, t + " is not in team " + team.record().groupId());
      }
    }
    try {
      firstRefusal(teams.service.kick(app.id(), Caller.user(operator), team.record().groupId(), targets, ""));
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }

  /** {@code team/remove}: tid, owner (the team's owner) → {@code {}}; the team is dismissed. */
  ObjectNode remove(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String owner = teams.owner(team, form);
    try {
      teams.service.dismiss(app.id(), Caller.user(owner), team.record().groupId());
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }

  /** {@code team/leave}: tid, accid → {@code {}}; the owner must hand the team over first (802). */
  ObjectNode leave(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String accid = form.required("accid");
    try {
      teams.service.quit(app.id(), accid, team.record().groupId());
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }

  /** {@code team/applyJoin}: tid, accid, msg? → {@code {}}; joined at once (joinmode 0) or waiting (1); 2 refuses. */
  ObjectNode applyJoin(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String accid = teams.account(app, form, "accid");
    String msg = form.optional("msg", MAX_MSG).orElse("");
    MemberResult r;
    try {
      r = teams.service.apply(app.id(), accid, team.record().groupId(), msg);
    } catch (GroupRefused refused) {
      throw TeamRefusals.of(refused);
    }
    if (r.kind() == MemberResult.Kind.ALREADY) {
      throw new NeteaseRestException(NeteaseCodes.ALREADY_IN_TEAM, accid + " is already in team "
          + team.record().groupId());
    }
    return NeteaseAnswer.object();
  }

  /**
   * {@code team/update}: tid, owner (the operator: uptinfomode for tname, announcement, intro, icon and the modes,
   * upcustommode for custom), tname?, announcement?, intro?, icon?, custom?, joinmode?, beinvitemode?, invitemode?,
   * uptinfomode?, upcustommode?, teamMemberLimit? → {@code {}}.
   */
  ObjectNode update(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String operator = teams.account(app, form, "owner");
    GroupChange change = GroupChange.NONE;
    Optional<String> v = form.optional("tname", MAX_TNAME);
    if (v.isPresent()) {
      change = change.withName(v.get());
    }
    v = form.optional("announcement", MAX_ANNOUNCEMENT);
    if (v.isPresent()) {
      change = change.withNotification(v.get());
    }
    v = form.optional("intro", MAX_INTRO);
    if (v.isPresent()) {
      change = change.withIntroduction(v.get());
    }
    v = form.optional("icon", MAX_ICON);
    if (v.isPresent()) {
      change = change.withFaceUrl(v.get());
    }
    v = form.optional("custom", MAX_CUSTOM);
    if (v.isPresent()) {
      change = change.withCustom(Map.of(TeamInfo.CUSTOM, v.get()));
    }
    GroupOptions before = team.record().options();
    GroupOptions after = TeamModes.read(form, before);
    String tid = team.record().groupId();
    Caller caller = Caller.user(operator);
    try {
      if (!change.equals(GroupChange.NONE)) {
        teams.service.modify(app.id(), caller, tid, change);
      }
      if (!after.equals(before)) {
        teams.service.setOptions(app.id(), caller, tid, after);
      }
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return NeteaseAnswer.object();
  }

  /** Invites as {@code inviter}; counts those added or waiting, and notes the refused ones. */
  private int invite(App app, GroupView team, String inviter, List<String> invitees, String msg, boolean magree,
      Failed failed) throws NeteaseRestException {
    Consent consent = magree && TeamModes.beinvitemode(team.record().options()) == 0 ? Consent.NEEDED
        : Consent.NOT_NEEDED;
    List<MemberResult> results;
    try {
      results = teams.service.invite(app.id(), Caller.user(inviter), team.record().groupId(), invitees, msg, consent);
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    int done = 0;
    for (MemberResult r : results) {
      switch (r.kind()) {
        case DONE, PENDING_CONSENT, PENDING_APPROVAL -> done++;
        case ALREADY -> failed.add(r.userId(), NeteaseCodes.ALREADY_IN_TEAM, r.userId() + " is already in the team");
        case REFUSED -> failed.add(r.userId(), TeamRefusals.code(r.code()), r.message());
        default -> throw new IllegalStateException("invite answered " + r);
      }
    }
    return done;
  }

  private List<String> registeredOnly(App app, List<String> accids, Failed failed) {
    List<String> out = new ArrayList<>();
    for (String a : accids) {
      if (teams.registered(app, a)) {
        out.add(a);
      } else {
        failed.add(a, NeteaseCodes.PARAMETER, a + " is not a registered accid");
      }
    }
    return out;
  }

  private static void firstRefusal(List<MemberResult> results) throws NeteaseRestException {
    for (MemberResult r : results) {
      if (r.kind() == MemberResult.Kind.REFUSED) {
        throw new NeteaseRestException(TeamRefusals.code(r.code()), r.userId() + ": " + r.message());
      }
    }
  }

  private static String message(NeteaseForm form) throws NeteaseRestException {
    form.required("msg");
    return form.optional("msg", MAX_MSG).orElseThrow();
  }

  /** {@code magree}: 0 no consent, 1 the invitee must agree. @throws NeteaseRestException 414 for anything else */
  private static boolean magree(NeteaseForm form) throws NeteaseRestException {
    int m = form.requiredInt("magree");
    if (m != 0 && m != 1) {
      throw NeteaseRestException.parameter("magree must be 0 (no consent needed) or 1 (the invitee must agree), not "
          + m);
    }
    return m == 1;
  }

  /** The members an add could not add: NetEase's {@code faccid}, and the first failure's code. */
  private static final class Failed {
    private final Map<String, String> why = new LinkedHashMap<>();
    private int code;
    private String desc = "";

    void add(String accid, int c, String message) {
      why.putIfAbsent(accid, message);
      if (code == 0) {
        code = c;
        desc = message;
      }
    }

    void into(ObjectNode out) {
      if (why.isEmpty()) {
        return;
      }
      ObjectNode f = out.putObject("faccid");
      ArrayNode accids = f.putArray("accid");
      why.keySet().forEach(accids::add);
      f.put("msg", String.join("; ", why.values()));
    }
  }
}
