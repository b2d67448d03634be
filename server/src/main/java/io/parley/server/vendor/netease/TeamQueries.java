package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code team/query}, {@code team/queryDetail} and {@code team/joinTeams}: teams as the app server reads them. */
final class TeamQueries {
  static final int MAX_TIDS = 30;

  private final Teams teams;
  private final Clock clock;

  TeamQueries(Teams teams, Clock clock) {
    this.teams = teams;
    this.clock = clock;
  }

  /** {@code team/query}: tids (a JSON array), ope (0 without members, 1 with) → {@code tinfos}; unknown tids left out. */
  ObjectNode query(App app, NeteaseForm form) throws NeteaseRestException {
    List<String> tids = form.stringList("tids", MAX_TIDS);
    int ope = form.requiredInt("ope");
    if (ope != 0 && ope != 1) {
      throw NeteaseRestException.parameter("ope must be 0 (without members) or 1 (with members), not " + ope);
    }
    ObjectNode out = NeteaseAnswer.object();
    ArrayNode tinfos = out.putArray("tinfos");
    for (String tid : tids.stream().distinct().toList()) {
      Optional<GroupView> team = teams.find(app, tid);
      if (team.isPresent()) {
        tinfos.add(ope == 1 ? TeamInfo.withMembers(team.get(), teams.members(app, tid)) : TeamInfo.summary(team.get()));
      }
    }
    return out;
  }

  /** {@code team/queryDetail}: tid → {@code tinfo} with owner, admins and members as member objects. */
  ObjectNode queryDetail(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    ObjectNode out = NeteaseAnswer.object();
    out.set("tinfo", TeamInfo.detail(team, teams.members(app, team.record().groupId()), clock.millis()));
    return out;
  }

  /** {@code team/joinTeams}: accid → {@code count} and {@code infos}, the teams the user is in. */
  ObjectNode joinTeams(App app, NeteaseForm form) throws NeteaseRestException {
    String accid = teams.account(app, form, "accid");
    List<GroupView> in;
    try {
      in = teams.service.groupsOf(app.id(), accid).stream()
          .filter(v -> v.record().kind().equals(TeamModes.KIND)).toList();
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    ObjectNode out = NeteaseAnswer.object().put("count", in.size());
    ArrayNode infos = out.putArray("infos");
    in.forEach(v -> infos.add(TeamInfo.summary(v)));
    return out;
  }
}
