package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.vendor.Accounts;
import io.parley.server.app.App;
import io.parley.server.callback.C2cMessage;
import io.parley.server.callback.Callbacks;
import io.parley.server.callback.Origin;
import io.parley.server.group.GroupCodes;
import io.parley.server.messaging.GroupSends;
import io.parley.server.messaging.Identifiers;
import io.parley.server.messaging.SendRefused;
import io.parley.server.messaging.ServerSends;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Store;
import io.parley.server.sync.C2cFanOut;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * {@code msg/sendMsg} and {@code msg/sendBatchMsg}: one-to-one messages an app server sends in a user's name, through
 * {@link ServerSends} (checked like a client's, durable before the answer, pushed to online clients). Option
 * {@code sendersync} false keeps the message off the sender's own devices; {@code route} false skips the copy
 * (抄送) the app otherwise receives, as from client type REST. Team messages ({@code ope} 1) go to a team's members.
 */
final class MessageActions {
  static final int MAX_BODY = 5000;
  static final int MAX_BATCH = 500;
  static final int MAX_EXT = 1024;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Accounts accounts;
  private final ServerSends sends;
  private final Callbacks callbacks;
  private final Clock clock;
  private final GroupSends groupSends;
  private final Teams teams;
  private final NeteaseMessageFormat format = new NeteaseMessageFormat();

  MessageActions(Accounts accounts, Store store, Callbacks callbacks, Clock clock, GroupSends groupSends,
      Teams teams) {
    this.accounts = accounts;
    this.groupSends = groupSends;
    this.teams = teams;
    this.sends = new ServerSends(store);
    this.callbacks = callbacks;
    this.clock = clock;
  }

  /** What one send carries: its element, ext (the core's cloud custom data) and its options. */
  private record Content(Element element, String ext, boolean senderSync, boolean route) {}

  /**
   * {@code msg/sendMsg}: from, ope (0 to a user, 1 to a team), to (an accid or a tid), type, body, … →
   * {@code data: {msgid, timetag, antispam}}.
   */
  ObjectNode sendMsg(App app, NeteaseForm form) throws NeteaseRestException {
    String from = form.required("from");
    int ope = form.requiredInt("ope");
    String to = form.required("to");
    if (ope != 0 && ope != 1) {
      throw NeteaseRestException.parameter("ope must be 0 (to a user) or 1 (to a team), not " + ope);
    }
    Content content = content(form);
    registered(app, from, "from");
    AppendResult r;
    if (ope == 1) {
      r = sendToTeam(app, from, to, content);
    } else {
      registered(app, to, "to");
      r = send(app, from, to, content);
    }
    ObjectNode out = NeteaseAnswer.object();
    out.putObject("data").put("msgid", r.serverMsgId()).put("timetag", r.serverTimeMs()).put("antispam", false);
    return out;
  }

  /**
   * {@code msg/sendBatchMsg}: fromAccid, toAccids (a JSON array of up to 500), type, body, … → {@code unregister}
   * (the accids that are not registered, as a JSON array string), {@code timetag} and {@code msgids} by accid.
   */
  ObjectNode sendBatchMsg(App app, NeteaseForm form) throws NeteaseRestException {
    String from = form.required("fromAccid");
    List<String> to = form.stringList("toAccids", MAX_BATCH);
    Content content = content(form);
    registered(app, from, "fromAccid");
    ArrayNode unregistered = NODES.arrayNode();
    ObjectNode msgids = NODES.objectNode();
    long timetag = clock.millis();
    for (String accid : to) {
      if (msgids.has(accid)) {
        continue;
      }
      if (!accounts.neteaseAccountExists(app, accid)) {
        unregistered.add(accid);
        continue;
      }
      AppendResult r = send(app, from, accid, content);
      msgids.put(accid, r.serverMsgId());
      timetag = r.serverTimeMs();
    }
    ObjectNode out = NeteaseAnswer.object();
    out.put("unregister", unregistered.toString());
    out.put("timetag", timetag);
    out.set("msgids", msgids);
    return out;
  }

  private Content content(NeteaseForm form) throws NeteaseRestException {
    int type = form.requiredInt("type");
    if (type == NeteaseElements.NOTIFICATION) {
      throw NeteaseRestException.parameter("type 5 (team notification) is the server's own; it cannot be sent");
    }
    if (!(type >= 0 && type <= 6 || type == NeteaseElements.TIP || type >= NeteaseElements.CUSTOM)) {
      throw NeteaseRestException.parameter("type " + type + " is not a message type: 0 text, 1 image, 2 voice, 3 video, "
          + "4 location, 6 file, 10 tip, 100 custom");
    }
    form.required("body");
    String body = form.optional("body", MAX_BODY).orElseThrow();
    Element element;
    try {
      element = NeteaseElements.fromBody(type, body);
    } catch (NeteaseBodyException e) {
      throw NeteaseRestException.parameter(e.getMessage());
    }
    String ext = form.optional("ext", MAX_EXT).orElse("");
    form.optional("pushcontent", 500);
    form.optional("payload", 2048);
    form.optional("msgDesc", 500);
    JsonNode option = form.object("option").orElse(NODES.objectNode());
    return new Content(element, ext, option.path("sendersync").asBoolean(true), option.path("route").asBoolean(true));
  }

  private void registered(App app, String accid, String param) throws NeteaseRestException {
    if (!Identifiers.valid(accid) || !accounts.neteaseAccountExists(app, accid)) {
      throw NeteaseRestException.parameter(param + " \"" + accid + "\" is not a registered accid");
    }
  }

  /**
   * A team message from a member, through the group send path (members only, mutes hold); the copy (抄送) is the
   * group path's After callback, so {@code route} and {@code sendersync} do not apply to team messages.
   */
  private AppendResult sendToTeam(App app, String from, String tid, Content c) throws NeteaseRestException {
    if (teams.find(app, tid).isEmpty()) {
      throw new NeteaseRestException(NeteaseCodes.TEAM_NOT_EXIST, "team " + tid + " does not exist");
    }
    try {
      return groupSends.serverSend(app, from, tid, "nim:" + UUID.randomUUID(), List.of(c.element()), c.ext(), false);
    } catch (SendRefused e) {
      int code = e.code() >= GroupCodes.NOT_A_MEMBER && e.code() < GroupCodes.NOT_A_MEMBER + 100
          ? TeamRefusals.code(e.code())
          : e.code() == ErrorCodes.UNAVAILABLE ? NeteaseCodes.TIMEOUT
          : e.code() == ErrorCodes.REFUSED_BY_APP ? NeteaseCodes.NO_PERMISSION : NeteaseCodes.PARAMETER;
      throw new NeteaseRestException(code, e.getMessage());
    }
  }

  private AppendResult send(App app, String from, String to, Content c) throws NeteaseRestException {
    String clientMsgId = "nim:" + UUID.randomUUID();
    AppendResult r;
    try {
      r = sends.send(app, from, to, clientMsgId, List.of(c.element()), c.ext(),
          c.senderSync() ? C2cFanOut.BOTH : C2cFanOut.RECIPIENT);
    } catch (SendRefused e) {
      throw new NeteaseRestException(e.code() == ErrorCodes.UNAVAILABLE ? NeteaseCodes.TIMEOUT : NeteaseCodes.PARAMETER,
          e.getMessage());
    }
    if (c.route()) {
      long msgSeq = (c.senderSync() ? r.seqOf(from) : 0) & 0xFFFF_FFFFL; // the sender's seq; 0 without sender sync
      callbacks.after(app, new C2cMessage(from, to, Long.toString(r.serverMsgId()), msgSeq,
          Integer.toUnsignedLong(clientMsgId.hashCode()), Instant.ofEpochMilli(r.serverTimeMs()), clientMsgId,
          format.toVendor(List.of(c.element())), c.ext().isEmpty() ? Optional.empty() : Optional.of(c.ext()), false,
          Origin.serverApi(""), OptionalInt.empty()));
    }
    return r;
  }
}
