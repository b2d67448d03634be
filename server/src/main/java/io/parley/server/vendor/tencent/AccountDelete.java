package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;

/**
 * {@code im_open_login_svc/account_delete} {DeleteItem:[{UserID}]} (1 to 100): deletes each imported account;
 * {@code ResultItem} says per UserID: ResultCode 0, or 70107 for one that was not imported.
 */
final class AccountDelete implements TencentCommand {
  static final int MAX_ITEMS = 100;

  private final Accounts accounts;

  AccountDelete(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    ObjectNode result = TencentEnvelope.object();
    ArrayNode items = result.putArray("ResultItem");
    for (String userId : BodyFields.textsOfObjects(body, "DeleteItem", "UserID", MAX_ITEMS)) {
      boolean deleted = accounts.deleteTencentAccount(app, userId);
      ObjectNode item = items.addObject();
      item.put("ResultCode", deleted ? TencentCodes.OK : TencentCodes.NOT_IMPORTED);
      item.put("ResultInfo", deleted ? "" : "the account " + userId + " was not imported");
      item.put("UserID", userId);
    }
    return result;
  }
}
