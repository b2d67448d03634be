package io.parley.server.vendor.netease;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.http.ErrorWriter;
import io.parley.server.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * NetEase's answer: HTTP 200 always, {@code application/json; charset=utf-8}, {@code {"code":200, …}} on success and
 * {@code {"code":n,"desc":"…"}} on failure, even for the HTTP stack's own refusals.
 */
final class NeteaseAnswer {
  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The stack's refusals under {@code /nimserver/}, each as the closest NetEase code. */
  static final ErrorWriter STACK_ERRORS = (status, message) -> fail(codeOf(status), message);

  private NeteaseAnswer() {}

  /** A body to add an action's result fields to; {@link #ok} puts {@code code} first. */
  static ObjectNode object() {
    return NODES.objectNode();
  }

  static HttpResponse ok(ObjectNode result) {
    ObjectNode body = NODES.objectNode().put("code", NeteaseCodes.OK);
    body.setAll(result);
    return json(body);
  }

  static HttpResponse fail(int code, String desc) {
    return json(NODES.objectNode().put("code", code).put("desc", desc));
  }

  private static HttpResponse json(ObjectNode body) {
    return new HttpResponse(200, CONTENT_TYPE, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** 400: malformed request; 413: body too long; 404/405: no such action; 503: busy; anything else: server error. */
  static int codeOf(int httpStatus) {
    return switch (httpStatus) {
      case 400 -> NeteaseCodes.PARAMETER;
      case 413 -> NeteaseCodes.TOO_LONG;
      case 404, 405 -> NeteaseCodes.NOT_FOUND;
      case 503 -> NeteaseCodes.BUSY;
      default -> NeteaseCodes.SERVER_ERROR;
    };
  }
}
