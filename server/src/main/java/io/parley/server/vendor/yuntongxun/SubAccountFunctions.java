package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.account.AccountException;
import io.parley.server.vendor.Accounts;
import io.parley.server.vendor.yuntongxun.SubAccount;
import io.parley.server.app.App;
import java.util.Optional;

/**
 * The sub-account functions over {@link Accounts}: SubAccounts (create), GetSubAccounts (a page), QuerySubAccountByName
 * and CloseSubAccount. A sub-account is answered as {@code SubAccount}: subAccountSid, subToken, dateCreated,
 * voipAccount, voipPwd (and friendlyName when listed or queried).
 */
final class SubAccountFunctions {
  static final int MAX_PAGE = 100;

  private final Accounts accounts;

  SubAccountFunctions(Accounts accounts) {
    this.accounts = accounts;
  }

  /** {@code SubAccounts}: appId, friendlyName (unique in the app). */
  ObjectNode create(MainAccount account, JsonNode body) throws YuntongxunRestException {
    App app = account.app(RequestFields.required(body, "appId"));
    String name = RequestFields.required(body, "friendlyName");
    try {
      ObjectNode out = YuntongxunAnswer.object();
      out.set("SubAccount", json(accounts.createSubAccount(app, name), false));
      return out;
    } catch (AccountException e) {
      throw new YuntongxunRestException(Integer.toString(e.code()), e.getMessage());
    }
  }

  /** {@code GetSubAccounts}: appId, startNo (0 or more, default 0), offset (1..100, default 100). */
  ObjectNode list(MainAccount account, JsonNode body) throws YuntongxunRestException {
    App app = account.app(RequestFields.required(body, "appId"));
    int startNo = RequestFields.number(body, "startNo", 0, Integer.MAX_VALUE, 0);
    int offset = RequestFields.number(body, "offset", 1, MAX_PAGE, MAX_PAGE);
    ObjectNode out = YuntongxunAnswer.object();
    out.put("totalCount", Long.toString(accounts.subAccountCount(app)));
    ArrayNode page = out.putArray("SubAccount");
    accounts.subAccounts(app, startNo, offset).forEach(s -> page.add(json(s, true)));
    return out;
  }

  /** {@code QuerySubAccountByName}: appId, friendlyName. Unknown: 110015. */
  ObjectNode queryByName(MainAccount account, JsonNode body) throws YuntongxunRestException {
    App app = account.app(RequestFields.required(body, "appId"));
    String name = RequestFields.required(body, "friendlyName");
    SubAccount found = accounts.subAccountByName(app, name).orElseThrow(() -> new YuntongxunRestException(
        YuntongxunCodes.SUB_ACCOUNT_NOT_FOUND, "no sub-account named \"" + name + "\" in app " + app.id()));
    ObjectNode out = YuntongxunAnswer.object();
    out.set("SubAccount", json(found, true));
    return out;
  }

  /**
   * {@code CloseSubAccount}: subAccountSid, looked for in every app of the main account (or only in {@code appId} when
   * given). Unknown: 110015. Its logins fail from now on and its sessions are kicked.
   */
  ObjectNode close(MainAccount account, JsonNode body) throws YuntongxunRestException {
    String sid = RequestFields.required(body, "subAccountSid");
    Optional<String> appId = RequestFields.optional(body, "appId").filter(s -> !s.isEmpty());
    Iterable<App> apps = appId.isPresent() ? java.util.List.of(account.app(appId.get())) : account.apps();
    for (App app : apps) {
      try {
        accounts.closeSubAccount(app, sid);
        return YuntongxunAnswer.object();
      } catch (AccountException e) {
        if (e.code() != Integer.parseInt(YuntongxunCodes.SUB_ACCOUNT_NOT_FOUND)) {
          throw new YuntongxunRestException(Integer.toString(e.code()), e.getMessage());
        }
      }
    }
    throw new YuntongxunRestException(YuntongxunCodes.SUB_ACCOUNT_NOT_FOUND,
        "sub-account " + sid + " does not exist under main account " + account.accountSid());
  }

  private static ObjectNode json(SubAccount s, boolean withName) {
    ObjectNode o = YuntongxunAnswer.object().put("subAccountSid", s.subAccountSid()).put("subToken", s.subToken())
        .put("dateCreated", s.dateCreated()).put("voipAccount", s.voipAccount()).put("voipPwd", s.voipPwd());
    return withName ? o.put("friendlyName", s.friendlyName()) : o;
  }
}
