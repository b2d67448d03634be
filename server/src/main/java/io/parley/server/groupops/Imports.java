package io.parley.server.groupops;

import static io.parley.server.groupops.GroupRefused.check;

import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupRules;
import io.parley.server.group.ReceiveOption;
import io.parley.server.group.Role;
import io.parley.server.store.MemberRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Members an app server moves over from elsewhere (Tencent {@code import_group_member}): written as they were, with
 * their role and join time, and nobody told: no tip, no notification, no callback. The member limit still holds.
 */
final class Imports {
  private final GroupContext ctx;

  Imports(GroupContext ctx) {
    this.ctx = ctx;
  }

  List<MemberResult> importMembers(String appId, Caller caller, String groupId, List<GroupService.Imported> members) {
    if (!caller.isAppServer()) {
      throw new GroupRefused(GroupCodes.NOT_PERMITTED, "only the app server imports members");
    }
    synchronized (ctx.lock(appId, groupId)) {
      LoadedGroup g = ctx.load(appId, groupId);
      long now = ctx.clock.millis();
      List<MemberResult> out = new ArrayList<>();
      List<MemberRecord> joining = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (GroupService.Imported m : members) {
        try {
          Inputs.id("an imported member's id", m.userId());
        } catch (GroupRefused e) {
          out.add(MemberResult.refused(String.valueOf(m.userId()), e.code(), e.getMessage()));
          continue;
        }
        if (!seen.add(m.userId()) || g.member(m.userId()).isPresent()) {
          out.add(MemberResult.of(m.userId(), MemberResult.Kind.ALREADY, "already a member"));
          continue;
        }
        if (m.role() == Role.OWNER || !g.kind().roles().contains(m.role())) {
          out.add(MemberResult.refused(m.userId(), GroupCodes.ROLE_NOT_IN_KIND,
              g.kind().id() + " members are not imported as " + m.role()));
          continue;
        }
        try {
          check(GroupRules.checkRoom(g.kind(), g.options(), g.countInt() + joining.size()));
        } catch (GroupRefused e) {
          out.add(MemberResult.refused(m.userId(), e.code(), e.getMessage()));
          continue;
        }
        long joined = m.joinMillis() > 0 && m.joinMillis() <= now ? m.joinMillis() : now;
        joining.add(new MemberRecord(m.userId(), m.role(), joined, 0, "", Map.of(), ReceiveOption.NOTIFY));
        out.add(MemberResult.of(m.userId(), MemberResult.Kind.DONE, "imported"));
      }
      ctx.writes.joinAll(g, joining);
      return out;
    }
  }
}
