package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Message;
import io.parley.server.messaging.Identifiers;
import io.parley.server.store.Store;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code history/querySessionMsg}: a pair's messages (both directions) sent from begintime to endtime (ms, both
 * included), at most {@code limit} (1..100), newest first ({@code reverse} 2, the default) or oldest first (1), each
 * as {@code {from, msgid, msgidclient, sendtime, type, body, ext?}}. Optional {@code type} ("0,1,100") keeps those
 * types; {@code excludeMsgid} leaves one message out (the anchor of the previous page).
 */
final class SessionHistory {
  static final int MAX_LIMIT = 100;
  private static final int PAGE = 500;
  private static final long MAX_MILLIS = (Long.MAX_VALUE >> 16) - 1;

  private final Store store;

  SessionHistory(Store store) {
    this.store = store;
  }

  ObjectNode querySessionMsg(io.parley.server.app.App app, NeteaseForm form) throws NeteaseRestException {
    String from = account(form, "from");
    String to = account(form, "to");
    long begin = form.requiredLong("begintime");
    long end = form.requiredLong("endtime");
    int limit = form.requiredInt("limit");
    int reverse = form.intValue("reverse", 2);
    if (begin > end) {
      throw NeteaseRestException.parameter("bad time");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw NeteaseRestException.parameter("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    if (reverse != 1 && reverse != 2) {
      throw NeteaseRestException.parameter("reverse must be 1 (oldest first) or 2 (newest first), not " + reverse);
    }
    Optional<Set<Integer>> types = types(form);
    long exclude = form.longValue("excludeMsgid", -1);
    List<Message> found = scan(app.id(), from, to, Math.max(0, begin), Math.min(end, MAX_MILLIS), limit, reverse == 2,
        m -> m.getServerMsgId() != exclude
            && types.map(t -> t.contains(NeteaseMessageFormat.body(m.getElementsList()).type())).orElse(true));
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
   * Reads the range newest first, page by page: newest first stops at {@code limit}; oldest first keeps the last
   * {@code limit} seen (the oldest) and turns them around.
   */
  private List<Message> scan(String appId, String a, String b, long begin, long end, int limit, boolean newestFirst,
      java.util.function.Predicate<Message> keep) {
    Deque<Message> kept = new ArrayDeque<>();
    long fromId = begin << 16;
    long beforeId = (end + 1) << 16;
    while (true) {
      List<Message> page = store.readConversation(appId, a, b, fromId, beforeId, PAGE);
      for (Message m : page) {
        if (!keep.test(m)) {
          continue;
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
        break;
      }
      beforeId = page.get(page.size() - 1).getServerMsgId();
    }
    List<Message> out = new java.util.ArrayList<>(kept);
    if (!newestFirst) {
      java.util.Collections.reverse(out);
    }
    return out;
  }

  private static Optional<Set<Integer>> types(NeteaseForm form) throws NeteaseRestException {
    Optional<String> list = form.optional("type");
    if (list.isEmpty()) {
      return Optional.empty();
    }
    Set<Integer> types = new HashSet<>();
    for (String t : list.get().split(",")) {
      try {
        types.add(Integer.parseInt(t.trim()));
      } catch (NumberFormatException e) {
        throw NeteaseRestException.parameter("type must list message types separated by commas, such as 0,1,100");
      }
    }
    return Optional.of(types);
  }

  private static String account(NeteaseForm form, String name) throws NeteaseRestException {
    String accid = form.required(name);
    if (!Identifiers.valid(accid)) {
      throw NeteaseRestException.parameter(name + " is not an accid");
    }
    return accid;
  }
}
