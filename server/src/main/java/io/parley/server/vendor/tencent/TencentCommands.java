package io.parley.server.vendor.tencent;

import io.parley.server.sync.StoredGroupEvents;
import io.parley.server.vendor.RestContext;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The REST commands served, by {@code servicename/command}. One not served is a 60004,
 * the vendor's code for a bad URL, saying whether the service or only the command is unknown.
 */
final class TencentCommands {
  private static final String GROUP = "group_open_http_svc/";
  private final Map<String, TencentCommand> byPath;
  private final Set<String> services = new TreeSet<>();

  TencentCommands(RestContext ctx) {
    TencentMessageCommands messages = new TencentMessageCommands(ctx.store());
    TencentGroupCommands groups = new TencentGroupCommands(ctx.groups().service(), ctx.store(), ctx.clock());
    TencentGroupMemberCommands members = new TencentGroupMemberCommands(ctx.groups().service(), ctx.store(), ctx.clock());
    TencentGroupMessageCommands groupMessages = new TencentGroupMessageCommands(ctx.groups().service(),
        ctx.groups().sends(), new StoredGroupEvents(ctx.store(), ctx.groups().fanOut(), ctx.groups().sync()),
        ctx.store(), ctx.clock());
    this.byPath = Map.ofEntries(
        Map.entry("im_open_login_svc/account_import", new AccountImport(ctx.accounts())),
        Map.entry("im_open_login_svc/multiaccount_import", new MultiAccountImport(ctx.accounts())),
        Map.entry("im_open_login_svc/account_delete", new AccountDelete(ctx.accounts())),
        Map.entry("im_open_login_svc/account_check", new AccountCheck(ctx.accounts())),
        Map.entry("im_open_login_svc/kick", new Kick(ctx.sessions())),
        Map.entry("openim/query_online_status", new QueryOnlineStatus(ctx.sessions())),
        Map.entry("openim/sendmsg", (app, body) -> messages.sendmsg(app, admin(app), body)),
        Map.entry("openim/batchsendmsg", (app, body) -> messages.batchsendmsg(app, admin(app), body)),
        Map.entry("openim/importmsg", messages::importmsg),
        Map.entry("openim/admin_getroammsg", messages::getroammsg),
        Map.entry("openim/admin_msgwithdraw", new MsgWithdraw(ctx.store())),
        Map.entry(GROUP + "create_group", groups::create),
        Map.entry(GROUP + "import_group", groups::importGroup),
        Map.entry(GROUP + "get_group_info", groups::getInfo),
        Map.entry(GROUP + "modify_group_base_info", groups::modify),
        Map.entry(GROUP + "destroy_group", groups::destroy),
        Map.entry(GROUP + "get_joined_group_list", groups::joined),
        Map.entry(GROUP + "add_group_member", members::add),
        Map.entry(GROUP + "import_group_member", members::importMembers),
        Map.entry(GROUP + "delete_group_member", members::delete),
        Map.entry(GROUP + "get_group_member_info", members::info),
        Map.entry(GROUP + "get_role_in_group", members::roles),
        Map.entry(GROUP + "change_group_owner", members::changeOwner),
        Map.entry(GROUP + "forbid_send_msg", members::forbid),
        Map.entry(GROUP + "get_group_muted_account", members::muted),
        Map.entry(GROUP + "send_group_msg", (app, body) -> groupMessages.send(app, admin(app), body)),
        Map.entry(GROUP + "send_group_system_notification", groupMessages::systemNotification),
        Map.entry(GROUP + "group_msg_recall", new TencentGroupRecall(ctx.groups().recalls(), ctx.store())),
        Map.entry(GROUP + "import_group_msg", groupMessages::importMessages));
    byPath.keySet().forEach(p -> services.add(p.substring(0, p.indexOf('/'))));
  }

  private static String admin(io.parley.server.app.App app) {
    return app.secrets(io.parley.server.app.AppSecrets.Tencent.class).adminIdentifier();
  }

  /** The command at {@code servicename/command}. @throws TencentRestException 60004 when there is none */
  TencentCommand find(String serviceAndCommand) throws TencentRestException {
    TencentCommand command = byPath.get(serviceAndCommand);
    if (command != null) {
      return command;
    }
    int slash = serviceAndCommand.indexOf('/');
    String service = slash < 0 ? serviceAndCommand : serviceAndCommand.substring(0, slash);
    if (!services.contains(service)) {
      throw new TencentRestException(TencentCodes.BAD_URL,
          "no REST service \"" + service + "\" here; the URL is /v4/<servicename>/<command>, services here: " + services);
    }
    throw new TencentRestException(TencentCodes.BAD_URL,
        "service " + service + " has no command \"" + serviceAndCommand.substring(slash + 1) + "\" here");
  }
}
