package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;

/**
 * {@code im_open_login_svc/multiaccount_import} {Accounts:[UserID…]} (1 to 100): imports each account that is not
 * imported yet (one that is keeps its profile); {@code FailAccounts} lists the UserIDs that are not valid.
 */
final class MultiAccountImport implements TencentCommand {
  static final int MAX_ACCOUNTS = 100;

  private final Accounts accounts;

  MultiAccountImport(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    ObjectNode result = TencentEnvelope.object();
    ArrayNode failed = result.putArray("FailAccounts");
    for (String userId : BodyFields.texts(body, "Accounts", MAX_ACCOUNTS)) {
      if (!BodyFields.validUserId(userId)) {
        failed.add(userId);
      } else if (accounts.tencentAccount(app, userId).isEmpty()) {
        accounts.importTencentAccount(app, userId, "", "");
      }
    }
    return result;
  }
}
