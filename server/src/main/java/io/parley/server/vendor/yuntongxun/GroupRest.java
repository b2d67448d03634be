package io.parley.server.vendor.yuntongxun;

import io.parley.server.groupops.GroupRefused;
import io.parley.server.http.HttpRequest;
import io.parley.server.http.HttpResponse;
import io.parley.server.vendor.RestContext;
import java.util.Map;
import java.util.TreeSet;

/**
 * Yuntongxun's group REST functions, called as a sub-account: {@code POST
 * /2013-12-26/SubAccounts/{subAccountSid}/Group/<Function>?sig=…} (and {@code …/Member/<Function>}), signed with the
 * sub-account's sid and sub-token ({@link SubAccountAuth}), a JSON object of strings in, the vendor's
 * {@code statusCode} answer out (HTTP 200).
 *
 * <p>This shape is not from our vendor notes, which describe groups but list no group endpoint: it is that of the
 * vendor's classic IM group REST API (2013-12-26), whose functions are Group/CreateGroup, DeleteGroup,
 * QueryGroupDetail, ModifyGroup, JoinGroup, LogoutGroup, InviteJoinGroup, QueryGroup and Member/DeleteGroupMember,
 * QueryMember, ForbidSpeak, AskJoin, SetGroupMsg. Their group error codes are Parley's ({@link GroupRefusals}).
 */
final class GroupRest {
  static final String PREFIX = "/2013-12-26/SubAccounts/";

  private final SubAccountAuth auth;
  private final Map<String, GroupFunction> byName;

  GroupRest(RestContext ctx) {
    this.auth = new SubAccountAuth(ctx.apps(), ctx.accounts(), ctx.clock());
    GroupFunctions g = new GroupFunctions(ctx.groups().service(), ctx.store().groups());
    MemberFunctions m = new MemberFunctions(ctx.groups().service(), ctx.clock());
    this.byName = Map.ofEntries(
        Map.entry("Group/CreateGroup", g::create),
        Map.entry("Group/DeleteGroup", g::delete),
        Map.entry("Group/QueryGroupDetail", g::detail),
        Map.entry("Group/ModifyGroup", g::modify),
        Map.entry("Group/JoinGroup", g::join),
        Map.entry("Group/LogoutGroup", g::quit),
        Map.entry("Group/InviteJoinGroup", g::invite),
        Map.entry("Group/QueryGroup", g::mine),
        Map.entry("Member/DeleteGroupMember", m::remove),
        Map.entry("Member/QueryMember", m::list),
        Map.entry("Member/ForbidSpeak", m::forbid),
        Map.entry("Member/AskJoin", m::answer),
        Map.entry("Member/SetGroupMsg", m::notice));
  }

  HttpResponse handle(HttpRequest request) {
    try {
      String[] parts = request.path().substring(PREFIX.length()).split("/", -1);
      if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
        throw new YuntongxunRestException(YuntongxunCodes.BAD_URL,
            "the URL is " + PREFIX + "{subAccountSid}/Group/<function> (or /Member/<function>), not " + request.path());
      }
      SubAccountCaller who = auth.authenticate(request, parts[0]);
      String name = parts[1] + "/" + parts[2];
      GroupFunction function = byName.get(name);
      if (function == null) {
        throw new YuntongxunRestException(YuntongxunCodes.BAD_URL, "no function \"" + name + "\" here; functions here: "
            + new TreeSet<>(byName.keySet()));
      }
      return YuntongxunAnswer.ok(function.run(who, YuntongxunRest.body(request)));
    } catch (YuntongxunRestException refused) {
      return YuntongxunAnswer.fail(refused.code(), refused.getMessage());
    } catch (GroupRefused refused) {
      YuntongxunRestException e = GroupRefusals.of(refused);
      return YuntongxunAnswer.fail(e.code(), e.getMessage());
    }
  }
}
