package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;

/**
 * {@code im_open_login_svc/account_check} {CheckItem:[{UserID}]} (1 to 100): {@code ResultItem} says per UserID
 * whether it is imported ({@code AccountStatus} Imported or NotImported), each with ResultCode 0.
 */
final class AccountCheck implements TencentCommand {
  static final int MAX_ITEMS = 100;

  private final Accounts accounts;

  AccountCheck(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    ObjectNode result = TencentEnvelope.object();
    ArrayNode items = result.putArray("ResultItem");
    for (String userId : BodyFields.textsOfObjects(body, "CheckItem", "UserID", MAX_ITEMS)) {
      ObjectNode item = items.addObject();
      item.put("UserID", userId);
      item.put("ResultCode", TencentCodes.OK);
      item.put("ResultInfo", "");
      item.put("AccountStatus", accounts.tencentAccount(app, userId).isPresent() ? "Imported" : "NotImported");
    }
    return result;
  }
}
