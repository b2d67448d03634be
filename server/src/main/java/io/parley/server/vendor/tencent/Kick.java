package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.KickReason;
import io.parley.server.app.App;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;

/**
 * {@code im_open_login_svc/kick} {UserID}: ends the user's login state; every live session of the user gets a Kick
 * (CREDENTIAL_REVOKED: the vendor's kick invalidates the login, the client must log in again). A user with no
 * session is fine.
 */
final class Kick implements TencentCommand {
  private final SessionRegistry sessions;

  Kick(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    String userId = BodyFields.text(body, "UserID");
    sessions.kickUser(new UserKey(app.id(), userId), KickReason.CREDENTIAL_REVOKED,
        "the app's server ended this account's login (REST kick)");
    return TencentEnvelope.object();
  }
}
