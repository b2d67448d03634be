package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.app.App;
import io.parley.server.groupops.GroupView;
import io.parley.server.store.Store;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * {@code history/queryTeamMsg}: tid, accid (a member), begintime, endtime (ms, both included), limit (1..100),
 * reverse? (1 oldest first, 2 newest first, the default) → {@code size} and {@code msgs} as
 * {@code history/querySessionMsg} shows them ({@code from, msgid, msgidclient, sendtime, type, body, ext?}). Team
 * notifications and recalled messages are left out.
 */
final class TeamHistory {
  private static final int PAGE = 500;

  private final Store store;
  private final Teams teams;

  TeamHistory(Store store, Teams teams) {
    this.store = store;
    this.teams = teams;
  }

  ObjectNode queryTeamMsg(App app, NeteaseForm form) throws NeteaseRestException {
    GroupView team = teams.team(app, form);
    String accid = form.required("accid");
    long begin = form.requiredLong("begintime");
    long end = form.requiredLong("endtime");
    int limit = form.requiredInt("limit");
    int reverse = form.intValue("reverse", 2);
    if (begin > end) {
      throw NeteaseRestException.parameter("bad time");
    }
    if (limit < 1 || limit > SessionHistory.MAX_LIMIT) {
      throw NeteaseRestException.parameter("limit must be 1 to " + SessionHistory.MAX_LIMIT + ", not " + limit);
    }
    if (reverse != 1 && reverse != 2) {
      throw NeteaseRestException.parameter("reverse must be 1 (oldest first) or 2 (newest first), not " + reverse);
    }
    String tid = team.record().groupId();
    if (!teams.isMember(app, team, accid)) {
      throw new NeteaseRestException(NeteaseCodes.NOT_IN_TEAM, accid + " is not in team " + tid);
    }
    List<Message> found = scan(app.id(), tid, begin, end, limit, reverse == 2);
    ObjectNode out = NeteaseAnswer.object();
    out.put("size", found.size());
    ArrayNode msgs = out.putArray("msgs");
    for (Message m : found) {
      NeteaseBody body = NeteaseMessageFormat.body(m.getElementsList());
      ObjectNode item = msgs.addObject();
      item.put("from", m.getFromUserId());
      item.put("msgid", m.getServerMsgId());
      item.put("msgidclient", m.getClientMsgId());
      item.put("sendtime", m.getServerTimeMs());
      item.put("type", body.type());
      item.set("body", body.node());
      if (!m.getCloudCustomData().isEmpty()) {
        item.put("ext", m.getCloudCustomData());
      }
    }
    return out;
  }

  /**
   * Reads the team's history newest first, page by page, from endtime back to begintime: newest first stops at
   * {@code limit}; oldest first keeps the last {@code limit} seen (the oldest) and turns them around.
   */
  private List<Message> scan(String appId, String tid, long begin, long end, int limit, boolean newestFirst) {
    Deque<Message> kept = new ArrayDeque<>();
    long before = Long.MAX_VALUE;
    while (true) {
      List<TimelineEntry> page = store.readGroupBackwards(appId, tid, before, PAGE);
      for (TimelineEntry e : page) {
        if (!e.hasMessage() || e.getMessage().getRecalled()) {
          continue;
        }
        Message m = e.getMessage();
        if (m.getServerTimeMs() > end) {
          continue;
        }
        if (m.getServerTimeMs() < begin) {
          return ordered(kept, newestFirst);
        }
        kept.addLast(m);
        if (kept.size() == limit && newestFirst) {
          return List.copyOf(kept);
        }
        if (kept.size() > limit) {
          kept.removeFirst();
        }
      }
      if (page.size() < PAGE) {
        return ordered(kept, newestFirst);
      }
      before = page.get(page.size() - 1).getSeq();
    }
  }

  private static List<Message> ordered(Deque<Message> kept, boolean newestFirst) {
    List<Message> out = new ArrayList<>(kept);
    if (!newestFirst) {
      Collections.reverse(out);
    }
    return out;
  }
}
