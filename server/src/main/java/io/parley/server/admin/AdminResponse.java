package io.parley.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.http.JsonErrors;

/** An admin port reply: an HTTP status and a JSON body; errors are {@code {"error": "..."}}. */
public record AdminResponse(int status, String json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static AdminResponse ok(String json) {
    return new AdminResponse(200, json);
  }

  /** 200 with the given object as JSON. */
  public static AdminResponse ok(ObjectNode body) {
    return new AdminResponse(200, body.toString());
  }

  public static AdminResponse error(int status, String message) {
    return new AdminResponse(status, JsonErrors.body(message));
  }

  /** A fresh JSON object to fill in. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
