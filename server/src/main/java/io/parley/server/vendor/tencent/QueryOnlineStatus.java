package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Platform;
import io.parley.server.app.App;
import io.parley.server.session.Session;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;

/**
 * {@code openim/query_online_status} {To_Account:[…] (1 to 500), IsNeedDetail? 0|1}: {@code QueryResult} gives each
 * account's Status, Online while it has a live session, else Offline; with IsNeedDetail 1 an online account also has
 * {@code Detail}: one {Platform, Status} per session.
 */
final class QueryOnlineStatus implements TencentCommand {
  static final int MAX_ACCOUNTS = 500;

  private final SessionRegistry sessions;

  QueryOnlineStatus(SessionRegistry sessions) {
    this.sessions = sessions;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    long needDetail = BodyFields.optionalInteger(body, "IsNeedDetail").orElse(0L);
    if (needDetail != 0 && needDetail != 1) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "IsNeedDetail must be 0 or 1, not " + needDetail);
    }
    ObjectNode result = TencentEnvelope.object();
    ArrayNode results = result.putArray("QueryResult");
    for (String account : BodyFields.texts(body, "To_Account", MAX_ACCOUNTS)) {
      Session[] live = sessions.sessionsOf(new UserKey(app.id(), account));
      ObjectNode item = results.addObject();
      item.put("To_Account", account);
      item.put("Status", live.length > 0 ? "Online" : "Offline");
      if (needDetail == 1 && live.length > 0) {
        ArrayNode detail = item.putArray("Detail");
        for (Session s : live) {
          detail.addObject().put("Platform", platform(s.platform())).put("Status", "Online");
        }
      }
    }
    return result;
  }

  /** The vendor's Detail Platform names: iPhone, Android, Web, PC, iPad, Mac (and Unknown). */
  static String platform(Platform p) {
    return switch (p) {
      case IOS -> "iPhone";
      case ANDROID -> "Android";
      case WEB -> "Web";
      case WINDOWS, LINUX -> "PC";
      case IPAD -> "iPad";
      case MAC -> "Mac";
      case PLATFORM_UNSPECIFIED, UNRECOGNIZED -> "Unknown";
    };
  }
}
