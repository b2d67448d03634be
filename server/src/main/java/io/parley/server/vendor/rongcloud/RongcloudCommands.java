package io.parley.server.vendor.rongcloud;

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
        Map.entry("/message/system/publish.json", publish::systemMessage));
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
