package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.vendor.Accounts;
import io.parley.server.vendor.tencent.TencentAccount;
import io.parley.server.app.App;
import java.util.Optional;

/**
 * {@code im_open_login_svc/account_import} {UserID, Nick?, FaceUrl?}: imports one account, or updates the nick and
 * face URL of one already imported (a field left out keeps its value).
 */
final class AccountImport implements TencentCommand {
  private final Accounts accounts;

  AccountImport(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    String userId = BodyFields.userId(body, "UserID");
    Optional<String> nick = BodyFields.optionalText(body, "Nick");
    Optional<String> faceUrl = BodyFields.optionalText(body, "FaceUrl");
    Optional<TencentAccount> existing = accounts.tencentAccount(app, userId);
    accounts.importTencentAccount(app, userId,
        nick.orElseGet(() -> existing.map(TencentAccount::nick).orElse("")),
        faceUrl.orElseGet(() -> existing.map(TencentAccount::faceUrl).orElse("")));
    return TencentEnvelope.object();
  }
}
