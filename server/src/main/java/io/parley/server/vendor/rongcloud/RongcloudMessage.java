package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One Rongcloud message body: its type ({@code objectName}, e.g. {@code RC:TxtMsg}) and its {@code content}, either a
 * JSON object or, for a type kept verbatim, the JSON text exactly as the sender wrote it.
 */
public record RongcloudMessage(String objectName, JsonNode content) {
  public RongcloudMessage {
    Objects.requireNonNull(objectName, "objectName");
    Objects.requireNonNull(content, "content");
    if (!content.isObject() && !content.isTextual()) {
      throw new IllegalArgumentException("content is a JSON object or the JSON text, not " + content.getNodeType());
    }
  }

  /** The content as the JSON text the Server API and the callbacks carry. */
  public String contentText() {
    return content.isTextual() ? content.asText() : RongcloudJson.write(content);
  }

  /** {@code {"objectName": …, "content": …}}: the body the Rongcloud callback format takes. */
  public ObjectNode body() {
    ObjectNode body = RongcloudJson.object();
    body.put("objectName", objectName);
    body.set("content", content);
    return body;
  }
}
