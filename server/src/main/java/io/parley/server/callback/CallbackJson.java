package io.parley.server.callback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The JSON reader and writer the callback formats share: compact UTF-8, fields in the order they were added. */
public final class CallbackJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CallbackJson() {}

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The node as compact UTF-8 JSON. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The node as compact JSON text (for vendors that carry JSON inside a string field). */
  public static String text(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON document in this text; empty when it is not one. */
  public static Optional<JsonNode> read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The JSON document in these bytes; empty when they are not one. */
  public static Optional<JsonNode> read(byte[] bytes) {
    try {
      return Optional.ofNullable(MAPPER.readTree(bytes)).filter(n -> !n.isMissingNode());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
