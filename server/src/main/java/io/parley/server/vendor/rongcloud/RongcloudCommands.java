package io.parley.server.vendor.rongcloud;

import io.parley.server.groupops.GroupService;
import io.parley.server.vendor.RestContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The Server API paths served (as the vendor's, with {@code .json}), each with its command. */
final class RongcloudCommands {
  private final Map<String, RongcloudCommand> byPath;

  RongcloudCommands(RestContext ctx) {
    UserProfiles profiles = new UserProfiles(ctx.accounts(), ctx.issuer());
    UserStates states = new UserStates(ctx.accounts(), ctx.sessions());
    MessagePublish publish = new MessagePublish(ctx.store());
    GroupService groups = ctx.groups().service();
    GroupMembership membership = new GroupMembership(groups);
    GroupGag gag = new GroupGag(groups, membership, ctx.clock());
    GroupBan ban = new GroupBan(groups);
    GroupPublish groupPublish = new GroupPublish(groups, ctx.groups().sends());
    this.byPath = Map.ofEntries(
        Map.entry("/user/getToken.json", profiles::getToken),
        Map.entry("/user/refresh.json", profiles::refresh),
        Map.entry("/user/info.json", profiles::info),
        Map.entry("/user/checkOnline.json", states::checkOnline),
        Map.entry("/user/block.json", states::block),
        Map.entry("/user/unblock.json", states::unblock),
        Map.entry("/user/block/query.json", states::blockQuery),
        Map.entry("/user/token/expire.json", states::tokenExpire),
        Map.entry("/message/private/publish.json", publish::privateMessage),
        Map.entry("/message/system/publish.json", publish::systemMessage),
        Map.entry("/message/group/publish.json", groupPublish::publish),
        Map.entry("/group/create.json", membership::create),
        Map.entry("/group/join.json", membership::join),
        Map.entry("/group/quit.json", membership::quit),
        Map.entry("/group/dismiss.json", membership::dismiss),
        Map.entry("/group/refresh.json", membership::refresh),
        Map.entry("/group/sync.json", membership::sync),
        Map.entry("/group/user/query.json", membership::members),
        Map.entry("/user/group/query.json", membership::groupsOf),
        Map.entry("/group/user/gag/add.json", gag::add),
        Map.entry("/group/user/gag/rollback.json", gag::rollback),
        Map.entry("/group/user/gag/list.json", gag::list),
        Map.entry("/group/ban/add.json", ban::add),
        Map.entry("/group/ban/rollback.json", ban::rollback),
        Map.entry("/group/ban/query.json", ban::query));
  }

  Map<String, RongcloudCommand> all() {
    return byPath;
  }

  /** The first path segments served ({@code /user/}, {@code /message/}): the Rongcloud error format covers them. */
  Set<String> prefixes() {
    Set<String> out = new TreeSet<>();
    byPath.keySet().forEach(p -> out.add(p.substring(0, p.indexOf('/', 1) + 1)));
    return out;
  }
}
