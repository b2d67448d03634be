package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.Message;
import io.parley.server.app.App;
import io.parley.server.messaging.ElementRules;
import io.parley.server.messaging.Identifiers;
import io.parley.server.messaging.SendRefused;
import io.parley.server.messaging.ServerSends;
import io.parley.protocol.ErrorCodes;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Store;
import io.parley.server.sync.C2cFanOut;
import java.util.List;

/**
 * Tencent REST v4 C2C message commands over the core store: {@code openim/sendmsg}, {@code batchsendmsg},
 * {@code importmsg} and {@code admin_getroammsg} ({@code admin_msgwithdraw} is {@link MsgWithdraw}). Each takes the request body and answers the result fields (the
 * envelope is the caller's) or throws {@link TencentRestException}. A REST send is durable before it is answered, enters
 * the recipient's timeline (and the sender's with SyncOtherMachine 1) and is pushed like a client's; an import only
 * enters the history. Runs on an HTTP handler thread: it blocks until the store answers.
 */
final class TencentMessageCommands {
  private static final int INVALID_PARAMETER = TencentCodes.INVALID_PARAMETER;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_BATCH = 500;
  private static final int MAX_ROAM = 100;

  /** MsgFlagBits of a recalled message in admin_getroammsg (the vendor marks recalls there; 0 is a normal one). */
  static final int MSG_FLAG_RECALLED = 2;

  private final Store store;
  private final ServerSends sends;
  private final MsgKeyLookup lookup;

  TencentMessageCommands(Store store) {
    this.store = store;
    this.sends = new ServerSends(store);
    this.lookup = new MsgKeyLookup(store);
  }

  /** {@code openim/sendmsg}: one message from From_Account (the admin when absent) to To_Account. */
  ObjectNode sendmsg(App app, String admin, JsonNode body) throws TencentRestException {
    String to = account(body, "To_Account", true);
    AppendResult r = append(app, sender(body, admin), to, body,
        intField(body, "SyncOtherMachine", 1) == 2 ? C2cFanOut.RECIPIENT : C2cFanOut.BOTH);
    ObjectNode out = NODES.objectNode();
    out.put("MsgTime", r.serverTimeMs() / 1000);
    out.put("MsgKey", msgKey(r.serverMsgId(), r.request().dedupKey(), r.serverTimeMs()));
    return out;
  }

  /** {@code openim/batchsendmsg}: one message to up to 500 accounts; failures are listed per account. */
  ObjectNode batchsendmsg(App app, String admin, JsonNode body) throws TencentRestException {
    JsonNode to = body.get("To_Account");
    if (to == null || !to.isArray() || to.isEmpty() || to.size() > MAX_BATCH) {
      throw new TencentRestException(INVALID_PARAMETER, "To_Account must be an array of 1 to " + MAX_BATCH + " accounts");
    }
    String from = sender(body, admin);
    ArrayNode errors = NODES.arrayNode();
    String lastKey = "";
    for (JsonNode account : to) {
      if (!account.isTextual() || !Identifiers.valid(account.asText())) {
        errors.addObject().put("To_Account", account.asText()).put("ErrorCode", INVALID_PARAMETER);
        continue;
      }
      AppendResult r = append(app, from, account.asText(), body,
          intField(body, "SyncOtherMachine", 2) == 1 ? C2cFanOut.BOTH : C2cFanOut.RECIPIENT);
      lastKey = msgKey(r.serverMsgId(), r.request().dedupKey(), r.serverTimeMs());
    }
    ObjectNode out = NODES.objectNode();
    out.put("MsgKey", lastKey);
    if (!errors.isEmpty()) {
      out.set("ErrorList", errors);
    }
    return out;
  }

  /** {@code openim/importmsg}: a message into the pair's history only; nobody is pushed it. */
  ObjectNode importmsg(App app, JsonNode body) throws TencentRestException {
    String from = account(body, "From_Account", true);
    String to = account(body, "To_Account", true);
    append(app, from, to, body, C2cFanOut.NONE);
    return NODES.objectNode();
  }

  /**
   * {@code openim/admin_getroammsg}: the pair's history between MinTime and MaxTime (seconds, inclusive), newest
   * first, MaxCnt at a time; LastMsgKey (the last MsgKey of the previous page) continues below it.
   */
  ObjectNode getroammsg(App app, JsonNode body) throws TencentRestException {
    String a = account(body, body.has("Operator_Account") ? "Operator_Account" : "From_Account", true);
    String b = account(body, body.has("Peer_Account") ? "Peer_Account" : "To_Account", true);
    int max = intField(body, "MaxCnt", MAX_ROAM);
    if (max < 1 || max > MAX_ROAM) {
      throw new TencentRestException(INVALID_PARAMETER, "MaxCnt must be from 1 to " + MAX_ROAM);
    }
    long minTime = longField(body, "MinTime", 0);
    long maxTime = longField(body, "MaxTime", Long.MAX_VALUE / 1000 / 65536);
    long fromId = (minTime * 1000) << 16;
    long beforeId = ((maxTime + 1) * 1000) << 16;
    JsonNode lastKey = body.get("LastMsgKey");
    if (lastKey != null && lastKey.isTextual() && !lastKey.asText().isEmpty()) {
      String key = lastKey.asText();
      beforeId = Math.min(beforeId, lookup.find(app, a, b, "LastMsgKey", key).orElseThrow(() -> new TencentRestException(
          INVALID_PARAMETER, "LastMsgKey \"" + key + "\" names no message of this pair")).getServerMsgId());
    }
    List<Message> page = store.readConversation(app.id(), a, b, fromId, beforeId, max + 1);
    boolean complete = page.size() <= max;
    ArrayNode list = NODES.arrayNode();
    String last = "";
    long lastTime = 0;
    for (Message m : page.subList(0, Math.min(max, page.size()))) {
      last = msgKey(m.getServerMsgId(), m.getClientMsgId(), m.getServerTimeMs());
      lastTime = m.getServerTimeMs() / 1000;
      ObjectNode item = list.addObject();
      item.put("From_Account", m.getFromUserId());
      item.put("To_Account", m.getToUserId());
      item.put("MsgSeq", msgSeq(m.getServerMsgId(), m.getClientMsgId()));
      item.put("MsgRandom", msgRandom(m.getClientMsgId()));
      item.put("MsgTimeStamp", lastTime);
      item.put("MsgFlagBits", m.getRecalled() ? MSG_FLAG_RECALLED : 0);
      item.put("MsgKey", last);
      item.set("MsgBody", TencentElements.toMsgBody(m.getElementsList()));
      item.put("CloudCustomData", m.getCloudCustomData());
    }
    ObjectNode out = NODES.objectNode();
    out.put("Complete", complete ? 1 : 0);
    out.put("MsgCnt", list.size());
    out.put("LastMsgTime", lastTime);
    out.put("LastMsgKey", last);
    out.set("MsgList", list);
    return out;
  }

  // --- the pieces -------------------------------------------------------------------------------------------

  private AppendResult append(App app, String from, String to, JsonNode body, C2cFanOut fanOut)
      throws TencentRestException {
    List<Element> elements;
    try {
      elements = TencentElements.fromMsgBody(body.get("MsgBody"));
      if (elements.isEmpty()) {
        throw new TencentRestException(INVALID_PARAMETER, "MsgBody must hold at least one element");
      }
      ElementRules.check(elements);
    } catch (MsgBodyException e) {
      throw new TencentRestException(INVALID_PARAMETER, e.getMessage());
    } catch (SendRefused e) {
      throw new TencentRestException(INVALID_PARAMETER, e.getMessage());
    }
    String ccd = textField(body, body.has("CloudCustomData") ? "CloudCustomData" : "cloudCustomData"); // doocs 0.3.43
    long random = longField(body, "MsgRandom", -1);
    if (random < 0 || random > 0xFFFF_FFFFL) {
      throw new TencentRestException(INVALID_PARAMETER, "MsgRandom is required: a 32-bit unsigned number");
    }
    long seq = longField(body, "MsgSeq", 0);
    // The vendor dedups a sender's retries by MsgRandom (and MsgSeq when given), per recipient: so does this id.
    String clientMsgId = "tim:" + random + ":" + seq + ":" + to;
    try {
      return sends.send(app, from, to, clientMsgId, elements, ccd, fanOut);
    } catch (SendRefused e) {
      throw new TencentRestException(e.code() == ErrorCodes.UNAVAILABLE ? TencentCodes.SERVICE_TIMEOUT : INVALID_PARAMETER, e.getMessage());
    }
  }

  /** Tencent's MsgKey: {@code MsgSeq_MsgRandom_MsgTime}. */
  static String msgKey(long serverMsgId, String clientMsgId, long timeMillis) {
    return msgSeq(serverMsgId, clientMsgId) + "_" + msgRandom(clientMsgId) + "_" + timeMillis / 1000;
  }

  private static final java.util.regex.Pattern REST_ID = java.util.regex.Pattern.compile("tim:(\\d{1,10}):(\\d{1,10}):.+", java.util.regex.Pattern.DOTALL);

  /** The MsgSeq a REST sender gave, else the low 32 bits of the server msg id. */
  static long msgSeq(long serverMsgId, String clientMsgId) {
    java.util.regex.Matcher m = REST_ID.matcher(clientMsgId);
    if (m.matches() && !m.group(2).equals("0")) {
      return Long.parseLong(m.group(2));
    }
    return serverMsgId & 0xFFFF_FFFFL;
  }

  /** The MsgRandom a REST sender gave, else a 32-bit hash of the client's msg id. */
  static long msgRandom(String clientMsgId) {
    java.util.regex.Matcher m = REST_ID.matcher(clientMsgId);
    return m.matches() ? Long.parseLong(m.group(1)) : Integer.toUnsignedLong(clientMsgId.hashCode());
  }

  private static String sender(JsonNode body, String admin) throws TencentRestException {
    String from = account(body, "From_Account", false);
    return from.isEmpty() ? admin : from;
  }

  private static String account(JsonNode body, String field, boolean required) throws TencentRestException {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new TencentRestException(INVALID_PARAMETER, field + " is required");
      }
      return "";
    }
    if (!v.isTextual() || !Identifiers.valid(v.asText())) {
      throw new TencentRestException(INVALID_PARAMETER, field + " must be an account id of 1-128 printable characters");
    }
    return v.asText();
  }

  private static String textField(JsonNode body, String field) throws TencentRestException {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      throw new TencentRestException(INVALID_PARAMETER, field + " must be a string");
    }
    return v.asText();
  }

  private static int intField(JsonNode body, String field, int absent) throws TencentRestException {
    long v = longField(body, field, absent);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new TencentRestException(INVALID_PARAMETER, field + " is out of range");
    }
    return (int) v;
  }

  private static long longField(JsonNode body, String field, long absent) throws TencentRestException {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new TencentRestException(INVALID_PARAMETER, field + " must be a whole number");
    }
    return v.asLong();
  }
}
