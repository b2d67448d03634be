package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.account.AccountException;
import io.parley.server.vendor.Accounts;
import io.parley.server.vendor.rongcloud.RongcloudUser;
import io.parley.server.app.App;
import io.parley.server.auth.CredentialIssuer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code user/getToken} (register a user and issue the token its client logs in with), {@code user/refresh} (change
 * its name or portrait) and {@code user/info} (read them back, with the creation time).
 */
final class UserProfiles {
  static final int MAX_NAME = 128;
  static final int MAX_PORTRAIT = 1024;
  /** The vendor writes times as Beijing wall-clock time. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final Accounts accounts;
  private final CredentialIssuer issuer;

  UserProfiles(Accounts accounts, CredentialIssuer issuer) {
    this.accounts = accounts;
    this.issuer = issuer;
  }

  /** {@code user/getToken} {userId, name, portraitUri} → {userId, token}. */
  ObjectNode getToken(App app, FormFields form) throws RongcloudRestException {
    String userId = form.userId("userId");
    Optional<String> name = form.optional("name", MAX_NAME);
    Optional<String> portrait = form.optional("portraitUri", MAX_PORTRAIT);
    accounts.saveRongcloudUser(app, userId, name, portrait);
    String token;
    try {
      token = issuer.issue(app, userId, Duration.ZERO, false).credential();
    } catch (AccountException | IllegalArgumentException e) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER, "userId: " + e.getMessage());
    }
    return RongcloudAnswer.object().put("userId", userId).put("token", token);
  }

  /** {@code user/refresh} {userId, name?, portraitUri?}: a value left out keeps its value. */
  ObjectNode refresh(App app, FormFields form) throws RongcloudRestException {
    String userId = form.userId("userId");
    accounts.saveRongcloudUser(app, userId, form.optional("name", MAX_NAME), form.optional("portraitUri", MAX_PORTRAIT));
    return RongcloudAnswer.object();
  }

  /** {@code user/info} {userId} → {userName, userPortrait, createTime}. */
  ObjectNode info(App app, FormFields form) throws RongcloudRestException {
    String userId = form.userId("userId");
    RongcloudUser user = accounts.rongcloudUser(app, userId).orElseThrow(() -> new RongcloudRestException(
        RongcloudCode.PARAMETER, "userId \"" + userId + "\" was never registered (user/getToken)"));
    return RongcloudAnswer.object().put("userName", user.name()).put("userPortrait", user.portraitUri())
        .put("createTime", TIME.format(Instant.ofEpochMilli(user.createdAtMillis())));
  }
}
