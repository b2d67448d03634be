package io.parley.server.vendor.yuntongxun;

import io.parley.server.app.App;
import java.util.List;

/** The main account a request authenticated as: its ACCOUNT SID and the hosted apps it owns (at least one). */
record MainAccount(String accountSid, List<App> apps) {
  MainAccount {
    apps = List.copyOf(apps);
  }

  /** The app with this AppID. @throws YuntongxunRestException 110057 when the account has no such app here */
  App app(String appId) throws YuntongxunRestException {
    return apps.stream().filter(a -> a.id().equals(appId)).findFirst().orElseThrow(() -> new YuntongxunRestException(
        YuntongxunCodes.APP_NOT_FOUND, "app " + appId + " does not exist under main account " + accountSid));
  }
}
