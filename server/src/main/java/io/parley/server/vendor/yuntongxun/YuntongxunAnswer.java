package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.http.ErrorWriter;
import io.parley.server.http.HttpResponse;

/**
 * Yuntongxun's JSON answer {@code {"statusCode": "000000", ...}}, or {@code {"statusCode", "statusMsg"}} for a
 * refusal, always with HTTP 200 and {@code application/json;charset=utf-8}: the vendor's SDKs read the body's status.
 */
final class YuntongxunAnswer {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CONTENT_TYPE = "application/json;charset=utf-8";

  /** The stack's own refusals under the prefix, each as the closest vendor code. */
  static final ErrorWriter STACK_ERRORS = (status, message) -> fail(switch (status) {
    case 400, 413 -> YuntongxunCodes.REQUEST_FORMAT;
    case 404, 405 -> YuntongxunCodes.BAD_URL;
    case 503 -> YuntongxunCodes.TOO_BUSY;
    default -> YuntongxunCodes.INTERNAL;
  }, message);

  private YuntongxunAnswer() {}

  /** An object for a function's result fields; {@link #ok} puts {@code statusCode} first. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static HttpResponse ok(ObjectNode result) {
    ObjectNode body = JSON.createObjectNode().put("statusCode", YuntongxunCodes.OK);
    body.setAll(result);
    return answer(body);
  }

  static HttpResponse fail(String code, String statusMsg) {
    return answer(JSON.createObjectNode().put("statusCode", code).put("statusMsg", statusMsg));
  }

  private static HttpResponse answer(ObjectNode body) {
    HttpResponse json = HttpResponse.json(200, body);
    return new HttpResponse(200, CONTENT_TYPE, json.body(), json.headers());
  }
}
