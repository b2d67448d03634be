package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.messaging.MessageFormat;
import io.parley.server.messaging.SendRefused;
import java.util.List;

/**
 * NetEase's message content for its copies ({@code {"type": n, "body": "<body JSON text>"}}, the shape
 * {@link NeteaseCallbacks} reads) and its {@code msgidServer}: the stored message's server msg id, a number.
 *
 * <p>A NetEase message has one element. A message of several (a Parley client may send that) is written as one
 * custom message, {@code {"parley":"elements","elements":[{"type":n,"body":{…}}, …]}}.
 */
public final class NeteaseMessageFormat implements MessageFormat {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public JsonNode toVendor(List<Element> elements) {
    NeteaseBody body = body(elements);
    return NODES.objectNode().put("type", body.type()).put("body", body.json());
  }

  /** The one NetEase content of a stored message's elements. */
  static NeteaseBody body(List<Element> elements) {
    if (elements.size() == 1) {
      return NeteaseElements.toBody(elements.get(0));
    }
    ObjectNode all = NODES.objectNode().put("parley", "elements");
    ArrayNode list = all.putArray("elements");
    for (Element e : elements) {
      NeteaseBody one = NeteaseElements.toBody(e);
      list.addObject().put("type", one.type()).set("body", one.node());
    }
    return new NeteaseBody(NeteaseElements.CUSTOM, all.toString());
  }

  @Override
  public List<Element> fromVendor(JsonNode message) throws SendRefused {
    JsonNode type = message == null ? null : message.get("type");
    JsonNode body = message == null ? null : message.get("body");
    if (type == null || !type.asText().matches("\\d{1,9}") || body == null || body.isNull()) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP, "a NetEase message is {\"type\": <number>, \"body\": …}");
    }
    try {
      return List.of(NeteaseElements.fromBody(Integer.parseInt(type.asText()),
          body.isTextual() ? body.asText() : body.toString()));
    } catch (NeteaseBodyException e) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP, "the app returned a bad NetEase message: " + e.getMessage());
    }
  }

  @Override
  public String msgKey(long serverMsgId, long seq, long random, long timeMillis) {
    return Long.toString(serverMsgId);
  }
}
