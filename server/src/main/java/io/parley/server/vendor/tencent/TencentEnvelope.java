package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.http.ErrorWriter;
import io.parley.server.http.HttpResponse;

/**
 * Tencent's reply envelope {@code {"ActionStatus":"OK"|"FAIL","ErrorCode":n,"ErrorInfo":"..."}}, always with HTTP
 * 200: the vendor's SDKs retry any other status, so even the HTTP stack's own refusals are written this way.
 */
final class TencentEnvelope {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The stack's refusals under {@code /v4/}, each as the closest Tencent code. */
  static final ErrorWriter STACK_ERRORS = (status, message) -> fail(codeOf(status), message);

  private TencentEnvelope() {}

  /** A body to add a command's result fields to; {@link #ok} puts the envelope fields first. */
  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Success, with the command's result fields after the envelope. */
  static HttpResponse ok(ObjectNode result) {
    ObjectNode body = envelope("OK", TencentCodes.OK, "");
    body.setAll(result);
    return HttpResponse.json(200, body);
  }

  static HttpResponse fail(int code, String info) {
    return HttpResponse.json(200, envelope("FAIL", code, info));
  }

  private static ObjectNode envelope(String status, int code, String info) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ActionStatus", status);
    body.put("ErrorCode", code);
    body.put("ErrorInfo", info);
    return body;
  }

  /** 400 and 413: the request could not be read; 404 and 405: no such URL; 503: too busy; anything else: internal. */
  static int codeOf(int httpStatus) {
    return switch (httpStatus) {
      case 400, 413 -> TencentCodes.HTTP_PARSE;
      case 404, 405 -> TencentCodes.BAD_URL;
      case 503 -> TencentCodes.SERVICE_TIMEOUT;
      default -> TencentCodes.SYSTEM_ERROR;
    };
  }
}
