package io.parley.server.vendor.yuntongxun;

import io.parley.server.vendor.RestContext;
import java.util.Map;
import java.util.TreeSet;

/** The REST functions served, by the name after {@code /Accounts/{sid}/}; one not served is a 111100. */
final class YuntongxunFunctions {
  private final Map<String, YuntongxunFunction> byName;

  YuntongxunFunctions(RestContext ctx) {
    SubAccountFunctions subAccounts = new SubAccountFunctions(ctx.accounts());
    this.byName = Map.of(
        "SubAccounts", subAccounts::create,
        "GetSubAccounts", subAccounts::list,
        "QuerySubAccountByName", subAccounts::queryByName,
        "CloseSubAccount", subAccounts::close);
  }

  YuntongxunFunction find(String name) throws YuntongxunRestException {
    YuntongxunFunction f = byName.get(name);
    if (f == null) {
      throw new YuntongxunRestException(YuntongxunCodes.BAD_URL, "no function \"" + name + "\" here; the URL is "
          + YuntongxunRest.PREFIX + "{AccountSid}/<function>, functions here: " + new TreeSet<>(byName.keySet()));
    }
    return f;
  }
}
