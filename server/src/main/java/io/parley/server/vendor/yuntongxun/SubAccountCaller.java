package io.parley.server.vendor.yuntongxun;

import io.parley.server.app.App;
import io.parley.server.groupops.Caller;

/** The sub-account a group REST call authenticated as, in its app; its Parley user id is its voipAccount. */
record SubAccountCaller(App app, SubAccount account) {
  /** The sub-account's user id: its voipAccount, as everywhere in this vendor. */
  String userId() {
    return account.voipAccount();
  }

  /** The sub-account as a group operation's caller. */
  Caller caller() {
    return Caller.user(userId());
  }
}
