package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.protocol.ErrorCodes;
import io.parley.protocol.v1.Element;
import io.parley.server.messaging.MessageFormat;
import io.parley.server.messaging.SendRefused;
import java.util.List;

/**
 * Rongcloud's message body for the callbacks, {@code {"objectName", "content"}} (a Rongcloud message holds one
 * content: of a message of several elements the first is written), and its msgUID ({@link RongcloudMessageUid}).
 */
public final class RongcloudMessageFormat implements MessageFormat {
  /** What a message without elements (opaque content only) is written as: the core does not say its type. */
  static final RongcloudMessage OPAQUE = new RongcloudMessage("Parley:OpaqueMsg", RongcloudJson.NODES.textNode("{}"));

  @Override
  public JsonNode toVendor(List<Element> elements) {
    return (elements.isEmpty() ? OPAQUE : RongcloudElements.toVendor(elements.get(0))).body();
  }

  @Override
  public List<Element> fromVendor(JsonNode body) throws SendRefused {
    JsonNode objectName = body == null ? null : body.get("objectName");
    JsonNode content = body == null ? null : body.get("content");
    if (objectName == null || !objectName.isTextual() || objectName.asText().isEmpty() || content == null
        || !(content.isTextual() || content.isObject())) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP,
          "the app returned a bad message body; it is {\"objectName\": \"…\", \"content\": {…} or \"…\"}");
    }
    try {
      return List.of(RongcloudElements.fromVendor(objectName.asText(),
          content.isTextual() ? content.asText() : RongcloudJson.write(content)));
    } catch (ContentException e) {
      throw new SendRefused(ErrorCodes.REFUSED_BY_APP, "the app returned a bad message body: " + e.getMessage());
    }
  }

  @Override
  public String msgKey(long serverMsgId, long seq, long random, long timeMillis) {
    return RongcloudMessageUid.of(serverMsgId);
  }
}
