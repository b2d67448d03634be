package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.vendor.Accounts;
import io.parley.server.vendor.rongcloud.RongcloudBlock;
import io.parley.server.app.App;
import io.parley.server.session.SessionRegistry;
import io.parley.server.session.UserKey;
import java.time.Instant;

/**
 * A user's login state as the app controls it: {@code user/checkOnline}, {@code user/block} (for 1 to 43200 minutes;
 * live sessions are kicked), {@code user/unblock}, {@code user/block/query} and {@code user/token/expire}.
 */
final class UserStates {
  static final int MAX_MINUTES = 43_200;
  static final int MAX_USERS = 20;
  static final int MAX_PAGE = 200;
  static final int DEFAULT_PAGE = 50;

  private final Accounts accounts;
  private final SessionRegistry sessions;

  UserStates(Accounts accounts, SessionRegistry sessions) {
    this.accounts = accounts;
    this.sessions = sessions;
  }

  /** {@code user/checkOnline} {userId} → status "1" while the user has a live session, else "0". */
  ObjectNode checkOnline(App app, FormFields form) throws RongcloudRestException {
    String userId = form.userId("userId");
    boolean online = sessions.sessionsOf(new UserKey(app.id(), userId)).length > 0;
    return RongcloudAnswer.object().put("status", online ? "1" : "0");
  }

  /** {@code user/block} {userId (1 to 20), minute}. */
  ObjectNode block(App app, FormFields form) throws RongcloudRestException {
    var users = form.userIds("userId", MAX_USERS);
    int minutes = (int) form.requiredNumber("minute", 1, MAX_MINUTES);
    for (String user : users) {
      accounts.blockRongcloudUser(app, user, minutes);
    }
    return RongcloudAnswer.object();
  }

  /** {@code user/unblock} {userId (1 to 20)}. */
  ObjectNode unblock(App app, FormFields form) throws RongcloudRestException {
    for (String user : form.userIds("userId", MAX_USERS)) {
      accounts.unblockRongcloudUser(app, user);
    }
    return RongcloudAnswer.object();
  }

  /** {@code user/block/query} {page? (from 1), size? (1 to 200, 50)} → users [{userId, blockEndTime}]. */
  ObjectNode blockQuery(App app, FormFields form) throws RongcloudRestException {
    long page = form.number("page", 1, Integer.MAX_VALUE, 1);
    int size = (int) form.number("size", 1, MAX_PAGE, DEFAULT_PAGE);
    ObjectNode out = RongcloudAnswer.object();
    ArrayNode users = out.putArray("users");
    for (RongcloudBlock b : accounts.rongcloudBlocks(app, (page - 1) * size, size)) {
      users.addObject().put("userId", b.userId())
          .put("blockEndTime", UserProfiles.TIME.format(Instant.ofEpochMilli(b.untilMillis())));
    }
    return out;
  }

  /** {@code user/token/expire} {userId (1 to 20), time (ms)}: tokens issued before time are refused from now on. */
  ObjectNode tokenExpire(App app, FormFields form) throws RongcloudRestException {
    var users = form.userIds("userId", MAX_USERS);
    long time = form.requiredNumber("time", 0, Long.MAX_VALUE);
    for (String user : users) {
      accounts.expireRongcloudTokens(app, user, time);
    }
    return RongcloudAnswer.object();
  }
}
