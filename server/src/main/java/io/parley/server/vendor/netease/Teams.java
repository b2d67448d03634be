package io.parley.server.vendor.netease;

import io.parley.server.app.App;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import io.parley.server.messaging.Identifiers;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.vendor.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the team actions share: reading a team (803 when the app has none), its members, and the owner check. */
final class Teams {
  private static final int PAGE = 1000;

  final GroupService service;
  final Accounts accounts;

  Teams(GroupService service, Accounts accounts) {
    this.service = service;
    this.accounts = accounts;
  }

  /** The form's {@code tid}, read. @throws NeteaseRestException 414 when missing, 803 when no such team */
  GroupView team(App app, NeteaseForm form) throws NeteaseRestException {
    String tid = form.required("tid");
    return find(app, tid).orElseThrow(() -> new NeteaseRestException(NeteaseCodes.TEAM_NOT_EXIST,
        "team " + tid + " does not exist"));
  }

  /** The team with this tid, when the app has one (a group of another kind is no team). */
  Optional<GroupView> find(App app, String tid) {
    if (!Identifiers.valid(tid)) {
      return Optional.empty();
    }
    try {
      return service.get(app.id(), List.of(tid)).stream().filter(v -> v.record().kind().equals(TeamModes.KIND))
          .findFirst();
    } catch (GroupRefused r) {
      return Optional.empty();
    }
  }

  /** Every member, owner and managers included, in accid order. */
  List<MemberRecord> members(App app, String tid) throws NeteaseRestException {
    List<MemberRecord> out = new ArrayList<>();
    String cursor = "";
    try {
      do {
        MemberPage page = service.members(app.id(), Caller.APP_SERVER, tid, Optional.empty(), cursor, PAGE);
        out.addAll(page.members());
        cursor = page.next();
      } while (cursor != null && !cursor.isEmpty());
    } catch (GroupRefused r) {
      throw TeamRefusals.of(r);
    }
    return out;
  }

  /** True when the user is in the team, in any role. */
  boolean isMember(App app, GroupView team, String accid) throws NeteaseRestException {
    String tid = team.record().groupId();
    return members(app, tid).stream().anyMatch(m -> m.userId().equals(accid));
  }

  /** The form's {@code owner}, who must own the team. @throws NeteaseRestException 802 when it does not */
  String owner(GroupView team, NeteaseForm form) throws NeteaseRestException {
    String owner = form.required("owner");
    if (!owner.equals(team.record().owner())) {
      throw new NeteaseRestException(NeteaseCodes.TEAM_NO_PERMISSION,
          owner + " is not the owner of team " + team.record().groupId());
    }
    return owner;
  }

  /** The form's accid-valued parameter, a registered account. @throws NeteaseRestException 414 otherwise */
  String account(App app, NeteaseForm form, String name) throws NeteaseRestException {
    String accid = form.required(name);
    if (!registered(app, accid)) {
      throw NeteaseRestException.parameter(name + " \"" + accid + "\" is not a registered accid");
    }
    return accid;
  }

  boolean registered(App app, String accid) {
    return Identifiers.valid(accid) && accounts.neteaseAccountExists(app, accid);
  }
}
