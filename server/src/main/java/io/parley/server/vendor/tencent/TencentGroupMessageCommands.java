package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Element;
import io.parley.protocol.v1.GroupNotification;
import io.parley.protocol.v1.GroupNotificationType;
import io.parley.protocol.v1.Message;
import io.parley.server.app.App;
import io.parley.server.group.GroupKinds;
import io.parley.server.group.History;
import io.parley.server.groupops.Caller;
import io.parley.server.groupops.GroupRefused;
import io.parley.server.groupops.GroupService;
import io.parley.server.groupops.GroupView;
import io.parley.server.messaging.ElementRules;
import io.parley.server.messaging.GroupSends;
import io.parley.server.messaging.SendRefused;
import io.parley.server.store.AppendRequest;
import io.parley.server.store.AppendResult;
import io.parley.server.store.Conversation;
import io.parley.server.store.Event;
import io.parley.server.store.MemberPage;
import io.parley.server.store.MemberRecord;
import io.parley.server.store.Store;
import io.parley.server.sync.StoredGroupEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tencent REST v4 group message commands ({@code group_open_http_svc/}): {@code send_group_msg},
 * {@code send_group_system_notification} and {@code import_group_msg}. A group message's MsgSeq is its group seq.
 */
final class TencentGroupMessageCommands {
  static final int MAX_NOTIFY = 500;
  static final int MAX_IMPORT = 20;
  /** import_group_msg's per-message Result: 0 imported (or already imported). */
  static final int IMPORT_OK = 0;
  private static final long STORE_WAIT_SECONDS = 10;

  private final GroupService groups;
  private final GroupSends sends;
  private final StoredGroupEvents events;
  private final Store store;
  private final Clock clock;

  TencentGroupMessageCommands(GroupService groups, GroupSends sends, StoredGroupEvents events, Store store,
      Clock clock) {
    this.groups = groups;
    this.sends = sends;
    this.events = events;
    this.store = store;
    this.clock = clock;
  }

  /**
   * {@code send_group_msg}: GroupId, Random, MsgBody, From_Account? (a member; absent: the admin sends as the app),
   * CloudCustomData (or doocs 0.3.43's cloudCustomData) → MsgTime, MsgSeq and, for doocs 0.3.43, msgSeq. A retry with
   * the same Random from the same sender is answered as the first and stores nothing.
   */
  ObjectNode send(App app, String admin, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    long random = BodyFields.optionalInteger(body, "Random").orElse(-1L);
    if (random < 0 || random > 0xFFFF_FFFFL) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "Random is required: a 32-bit unsigned number");
    }
    Optional<String> from = BodyFields.optionalText(body, "From_Account").filter(s -> !s.isEmpty());
    if (from.isPresent() && !BodyFields.validUserId(from.get())) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "From_Account is not a valid UserID");
    }
    List<Element> elements = elements(body.get("MsgBody"), "MsgBody");
    String ccd = BodyFields.optionalText(body, body.has("CloudCustomData") ? "CloudCustomData" : "cloudCustomData")
        .orElse("");
    String sender = from.orElse(admin);
    AppendResult r;
    try {
      r = sends.serverSend(app, sender, id, clientMsgId(random, id), elements, ccd, from.isEmpty());
    } catch (SendRefused e) {
      throw TencentGroupErrors.of(e);
    }
    ObjectNode out = TencentEnvelope.object();
    out.put("MsgTime", r.serverTimeMs() / 1000);
    out.put("MsgSeq", r.groupSeq());
    out.put("msgSeq", r.groupSeq()); // doocs 0.3.43 reads this spelling
    return out;
  }

  /**
   * {@code send_group_system_notification}: GroupId, Content, ToMembers_Account? (absent: every member) → nothing.
   * Reaches members only; other accounts listed are skipped.
   */
  ObjectNode systemNotification(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    String content = BodyFields.text(body, "Content");
    if (content.isEmpty()) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "Content must not be empty");
    }
    GroupView view = view(app, id);
    List<String> to = new ArrayList<>();
    if (body.hasNonNull("ToMembers_Account")) {
      for (String user : new LinkedHashSet<>(BodyFields.texts(body, "ToMembers_Account", MAX_NOTIFY))) {
        if (store.groups().member(app.id(), id, user).isPresent()) {
          to.add(user);
        }
      }
    } else {
      to.addAll(allMembers(app, id));
    }
    GroupNotification n = GroupNotification.newBuilder().setGroupId(id).setGroupName(view.record().name())
        .setType(GroupNotificationType.GROUP_NOTIFICATION_CUSTOM).setCustom(content)
        .setServerTimeMs(clock.millis()).build();
    wait(events.notify(app.id(), to, n));
    return TencentEnvelope.object();
  }

  /**
   * {@code import_group_msg}: GroupId, MsgList (1 to 20) of {From_Account, SendTime (s), Random, MsgBody} →
   * ImportMsgResult[{MsgSeq, MsgTime, Result}]: into the group's history only, at SendTime, pushed to nobody and
   * no callback. Result 0: imported (a repeat with the same sender, SendTime and Random is answered as the first);
   * 10004: SendTime is not a time up to now. AVChatRoom groups keep no history: 10007.
   */
  ObjectNode importMessages(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<JsonNode> items = BodyFields.array(body, "MsgList", MAX_IMPORT);
    GroupView view = view(app, id);
    boolean keepsHistory = GroupKinds.byId(view.record().kind()).map(k -> k.storage().history() != History.NONE)
        .orElse(false);
    if (!keepsHistory) {
      throw new TencentRestException(TencentGroupErrors.NO_PERMISSION,
          "group " + id + " keeps no history (AVChatRoom): there is nothing to import into");
    }
    ArrayNode results = TencentEnvelope.JSON.createArrayNode();
    long nowSeconds = clock.millis() / 1000;
    for (JsonNode item : items) {
      String from = BodyFields.userId(item, "From_Account");
      long random = BodyFields.optionalInteger(item, "Random").orElse(0L);
      if (random < 0 || random > 0xFFFF_FFFFL) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "MsgList[].Random must be a 32-bit unsigned number");
      }
      long sendTime = BodyFields.optionalInteger(item, "SendTime").orElse(0L);
      List<Element> elements = elements(item.get("MsgBody"), "MsgList[].MsgBody");
      if (sendTime <= 0 || sendTime > nowSeconds) {
        results.addObject().put("MsgSeq", 0).put("MsgTime", sendTime).put("Result", TencentCodes.INVALID_PARAMETER);
        continue;
      }
      String clientMsgId = "timport:" + random + ":" + sendTime + ":" + id;
      Message m = Message.newBuilder().setClientMsgId(clientMsgId).setFromUserId(from).setGroupId(id)
          .addAllElements(elements).build();
      AppendResult r = wait(store.writer().append(new AppendRequest(app.id(), new Conversation.Group(id), from,
          new Event.NewMessage(m), clientMsgId, List.of(), false, sendTime * 1000)));
      results.addObject().put("MsgSeq", r.groupSeq()).put("MsgTime", r.serverTimeMs() / 1000).put("Result", IMPORT_OK);
    }
    ObjectNode out = TencentEnvelope.object();
    out.set("ImportMsgResult", results);
    return out;
  }

  /** The client msg id of a REST group send: the vendor dedups a sender's retries by Random. */
  static String clientMsgId(long random, String groupId) {
    return "tim:" + random + ":0:" + groupId;
  }

  private static List<Element> elements(JsonNode msgBody, String field) throws TencentRestException {
    try {
      List<Element> elements = TencentElements.fromMsgBody(msgBody);
      if (elements.isEmpty()) {
        throw new TencentRestException(TencentCodes.INVALID_PARAMETER, field + " must hold at least one element");
      }
      ElementRules.check(elements);
      return elements;
    } catch (MsgBodyException | SendRefused e) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, e.getMessage());
    }
  }

  private GroupView view(App app, String id) throws TencentRestException {
    List<GroupView> found = groups.get(app.id(), List.of(id));
    if (found.isEmpty()) {
      throw new TencentRestException(TencentGroupErrors.NO_SUCH_GROUP, "no group " + id);
    }
    return found.get(0);
  }

  private List<String> allMembers(App app, String id) throws TencentRestException {
    List<String> out = new ArrayList<>();
    String cursor = "";
    try {
      while (true) {
        MemberPage page = groups.members(app.id(), Caller.APP_SERVER, id, Optional.empty(), cursor, 0);
        page.members().stream().map(MemberRecord::userId).forEach(out::add);
        if (page.next() == null || page.next().isEmpty() || page.members().isEmpty()) {
          return out;
        }
        cursor = page.next();
      }
    } catch (GroupRefused r) {
      throw TencentGroupErrors.of(r);
    }
  }

  private static <T> T wait(java.util.concurrent.CompletableFuture<T> f) throws TencentRestException {
    try {
      return f.get(STORE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new TencentRestException(TencentCodes.SERVICE_TIMEOUT, "the store did not answer in time; retry");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TencentRestException(TencentCodes.SERVICE_TIMEOUT, "interrupted while storing");
    }
  }
}
