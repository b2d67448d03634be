package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.app.App;
import io.parley.server.messaging.GroupRecalls;
import io.parley.server.messaging.RecallFailed;
import io.parley.server.store.Store;
import java.util.List;

/**
 * {@code group_msg_recall}: GroupId, MsgSeqList[{MsgSeq}] (1 to 10) → RecallRetList[{MsgSeq, RetCode}], no time limit.
 * RetCode 0: recalled (also when it already was: recalling is idempotent); 10030: no message at that seq (or the
 * group keeps no history, as AVChatRoom).
 */
final class TencentGroupRecall implements TencentCommand {
  static final int MAX_RECALL = 10;
  /** The vendor's RetCode for a message that does not exist. */
  static final int NO_SUCH_MESSAGE = 10030;

  private final GroupRecalls recalls;
  private final Store store;

  TencentGroupRecall(GroupRecalls recalls, Store store) {
    this.recalls = recalls;
    this.store = store;
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    String id = TencentGroupErrors.groupId(body);
    List<JsonNode> items = BodyFields.array(body, "MsgSeqList", MAX_RECALL);
    if (items.isEmpty()) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER, "MsgSeqList must list 1 to " + MAX_RECALL
          + " {MsgSeq}");
    }
    if (store.groups().group(app.id(), id).isEmpty()) {
      throw new TencentRestException(TencentGroupErrors.NO_SUCH_GROUP, "no group " + id);
    }
    ArrayNode list = TencentEnvelope.JSON.createArrayNode();
    for (JsonNode item : items) {
      long seq = BodyFields.optionalInteger(item, "MsgSeq").orElseThrow(() -> new TencentRestException(
          TencentCodes.INVALID_PARAMETER, "MsgSeqList[] items are {MsgSeq: a whole number}"));
      GroupRecalls.Outcome outcome;
      try {
        outcome = recalls.recall(app.id(), id, seq);
      } catch (RecallFailed e) {
        throw new TencentRestException(TencentCodes.SERVICE_TIMEOUT, e.getMessage());
      }
      list.addObject().put("MsgSeq", seq).put("RetCode", outcome == GroupRecalls.Outcome.NOT_FOUND ? NO_SUCH_MESSAGE : 0);
    }
    ObjectNode out = TencentEnvelope.object();
    out.set("RecallRetList", list);
    return out;
  }
}
