package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * One NetEase message content: its {@code type} number and its {@code body} as JSON text (the form
 * {@code msg/sendMsg.action} takes; a custom body's text exactly as it was sent).
 */
public record NeteaseBody(int type, String json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body as a JSON value (the form history answers embed). */
  public JsonNode node() {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("a NeteaseBody always holds JSON", e);
    }
  }
}
