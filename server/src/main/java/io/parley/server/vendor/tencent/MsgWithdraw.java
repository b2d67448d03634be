package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.v1.Message;
import io.parley.server.app.App;
import io.parley.server.messaging.RecallFailed;
import io.parley.server.messaging.ServerRecalls;
import io.parley.server.store.RecallResult;
import io.parley.server.store.Store;
import java.util.Optional;

/**
 * {@code openim/admin_msgwithdraw} {From_Account, To_Account, MsgKey}: recalls a C2C message, with no time limit. From
 * then on the message reads with an empty body (history, admin_getroammsg, clients' pulls) and both parties' devices
 * are told. A MsgKey that names no message sent by From_Account to To_Account is 20022; withdrawing a message again
 * is OK and changes nothing.
 */
final class MsgWithdraw implements TencentCommand {
  private final MsgKeyLookup lookup;
  private final ServerRecalls recalls;

  MsgWithdraw(Store store) {
    this.lookup = new MsgKeyLookup(store);
    this.recalls = new ServerRecalls(store);
  }

  @Override
  public ObjectNode run(App app, JsonNode body) throws TencentRestException {
    String from = BodyFields.userId(body, "From_Account");
    String to = BodyFields.userId(body, "To_Account");
    String key = BodyFields.text(body, "MsgKey");
    Optional<Message> message = lookup.find(app, from, to, "MsgKey", key)
        .filter(m -> m.getFromUserId().equals(from) && m.getToUserId().equals(to));
    if (message.isEmpty()) {
      throw notFound(from, to, key);
    }
    RecallResult.Outcome outcome;
    try {
      outcome = recalls.recall(app, from, to, message.get().getServerMsgId());
    } catch (RecallFailed e) {
      throw new TencentRestException(TencentCodes.SERVICE_TIMEOUT, e.getMessage());
    }
    if (outcome == RecallResult.Outcome.NOT_FOUND) {
      throw notFound(from, to, key);
    }
    return JsonNodeFactory.instance.objectNode();
  }

  private static TencentRestException notFound(String from, String to, String key) {
    return new TencentRestException(TencentCodes.MSG_NOT_FOUND,
        "no message with MsgKey \"" + key + "\" from " + from + " to " + to);
  }
}
