package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.group.Role;
import io.parley.server.groupops.GroupView;
import io.parley.server.store.GroupRecord;
import io.parley.server.store.MemberRecord;
import java.util.List;

/**
 * A team as {@code team/query} ({@code tinfos}) and {@code team/queryDetail} ({@code tinfo}) show it: tid, tname,
 * icon, owner, maxusers, size, announcement, intro, joinmode, beinvitemode, invitemode, uptinfomode, upcustommode,
 * muteType, mute, custom, createtime, updatetime; query with ope 1 adds {@code admins} and {@code members} (accids,
 * the owner in neither); the detail has {@code owner}, {@code admins} and {@code members} as member objects
 * ({@code accid, type, mute, createtime, updatetime}; type 1 owner, 2 manager, 0 normal).
 */
final class TeamInfo {
  /** Where NetEase's {@code custom} string is kept among the group's custom fields. */
  static final String CUSTOM = "custom";

  private TeamInfo() {}

  static ObjectNode summary(GroupView v) {
    GroupRecord r = v.record();
    ObjectNode t = NeteaseAnswer.object();
    t.put("tid", r.groupId());
    t.put("tname", r.name());
    t.put("icon", r.faceUrl());
    t.put("owner", r.owner());
    t.put("maxusers", r.maxMembers());
    t.put("size", v.memberCount());
    t.put("announcement", r.notification());
    t.put("intro", r.introduction());
    t.put("joinmode", TeamModes.joinmode(r.options()));
    t.put("beinvitemode", TeamModes.beinvitemode(r.options()));
    t.put("invitemode", TeamModes.invitemode(r.options()));
    t.put("uptinfomode", TeamModes.uptinfomode(r.options()));
    t.put("upcustommode", TeamModes.upcustommode(r.options()));
    t.put("muteType", TeamModes.muteType(r.muteAll()));
    t.put("mute", TeamModes.muteType(r.muteAll()) != 0);
    t.put("custom", r.custom().getOrDefault(CUSTOM, ""));
    t.put("createtime", r.createdMillis());
    t.put("updatetime", r.createdMillis());
    return t;
  }

  /** The summary with the managers' and the normal members' accids. */
  static ObjectNode withMembers(GroupView v, List<MemberRecord> members) {
    ObjectNode t = summary(v);
    ArrayNode admins = t.putArray("admins");
    ArrayNode plain = t.putArray("members");
    for (MemberRecord m : members) {
      if (m.role() == Role.ADMIN) {
        admins.add(m.userId());
      } else if (m.role() == Role.MEMBER) {
        plain.add(m.userId());
      }
    }
    return t;
  }

  /** The detail: owner, admins and members as member objects. */
  static ObjectNode detail(GroupView v, List<MemberRecord> members, long nowMillis) {
    ObjectNode t = summary(v);
    ArrayNode admins = t.putArray("admins");
    ArrayNode plain = t.putArray("members");
    for (MemberRecord m : members) {
      ObjectNode o = m.role() == Role.OWNER ? t.putObject("owner")
          : m.role() == Role.ADMIN ? admins.addObject() : plain.addObject();
      o.put("accid", m.userId());
      o.put("type", TeamModes.memberType(m.role()));
      o.put("mute", m.muteUntilMillis() > nowMillis);
      o.put("createtime", m.joinMillis());
      o.put("updatetime", m.joinMillis());
    }
    return t;
  }
}
