package io.parley.server.vendor.netease;

import io.parley.server.vendor.RestContext;
import java.util.Map;
import java.util.TreeSet;

/** The REST actions served, by {@code module/action}; one not served is a 404 naming those that are. */
final class NeteaseActions {
  static final String SUFFIX = ".action";

  private final Map<String, NeteaseAction> byPath;

  NeteaseActions(RestContext ctx) {
    UserActions users = new UserActions(ctx.accounts());
    Teams teams = new Teams(ctx.groups().service(), ctx.accounts());
    MessageActions messages = new MessageActions(ctx.accounts(), ctx.store(), ctx.callbacks(), ctx.clock(),
        ctx.groups().sends(), teams);
    SessionHistory history = new SessionHistory(ctx.store());
    TeamHistory teamHistory = new TeamHistory(ctx.store(), teams);
    TeamActions team = new TeamActions(teams, ctx.store().groups());
    TeamQueries teamQueries = new TeamQueries(teams, ctx.clock());
    TeamModeration moderation = new TeamModeration(teams);
    this.byPath = Map.ofEntries(
        Map.entry("user/create", users::create),
        Map.entry("user/update", users::update),
        Map.entry("user/refreshToken", users::refreshToken),
        Map.entry("user/block", users::block),
        Map.entry("user/unblock", users::unblock),
        Map.entry("user/updateUinfo", users::updateUinfo),
        Map.entry("user/getUinfos", users::getUinfos),
        Map.entry("msg/sendMsg", messages::sendMsg),
        Map.entry("msg/sendBatchMsg", messages::sendBatchMsg),
        Map.entry("history/querySessionMsg", history::querySessionMsg),
        Map.entry("history/queryTeamMsg", teamHistory::queryTeamMsg),
        Map.entry("team/create", team::create),
        Map.entry("team/add", team::add),
        Map.entry("team/kick", team::kick),
        Map.entry("team/remove", team::remove),
        Map.entry("team/leave", team::leave),
        Map.entry("team/update", team::update),
        Map.entry("team/applyJoin", team::applyJoin),
        Map.entry("team/query", teamQueries::query),
        Map.entry("team/queryDetail", teamQueries::queryDetail),
        Map.entry("team/joinTeams", teamQueries::joinTeams),
        Map.entry("team/muteTlist", moderation::muteTlist),
        Map.entry("team/muteTlistAll", moderation::muteTlistAll),
        Map.entry("team/changeOwner", moderation::changeOwner),
        Map.entry("team/addManager", moderation::addManager),
        Map.entry("team/removeManager", moderation::removeManager));
  }

  /** The action at {@code module/action.action}. @throws NeteaseRestException 404 when there is none */
  NeteaseAction find(String path) throws NeteaseRestException {
    NeteaseAction action = path.endsWith(SUFFIX) ? byPath.get(path.substring(0, path.length() - SUFFIX.length())) : null;
    if (action == null) {
      throw new NeteaseRestException(NeteaseCodes.NOT_FOUND, "no action \"" + path + "\" here; the URL is "
          + NeteaseRest.PREFIX + "<module>/<action>.action, actions here: " + new TreeSet<>(byPath.keySet()));
    }
    return action;
  }
}
