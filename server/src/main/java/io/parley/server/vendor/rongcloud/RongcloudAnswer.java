package io.parley.server.vendor.rongcloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.parley.server.http.ErrorWriter;
import io.parley.server.http.HttpResponse;
import java.util.Optional;

/**
 * The Server API's answers: success {@code {"code":200, …}} with HTTP 200, a refusal {@code {"code":n,
 * "errorMessage":"…"}} with the HTTP status the vendor uses for that code; both echo the request's
 * {@code X-Request-ID} as {@code requestId}.
 */
final class RongcloudAnswer {
  /** The stack's own refusals under the Rongcloud paths, as the closest Rongcloud code (the HTTP status kept). */
  static final ErrorWriter STACK_ERRORS = (status, message) -> {
    RongcloudCode code = switch (status) {
      case 400, 404, 405 -> RongcloudCode.PARAMETER;
      case 413 -> RongcloudCode.TOO_LONG;
      case 429 -> RongcloudCode.RATE_LIMIT;
      case 503, 504 -> RongcloudCode.TIMEOUT;
      default -> RongcloudCode.INTERNAL;
    };
    return HttpResponse.json(status, error(code, message, Optional.empty()));
  };

  private RongcloudAnswer() {}

  /** A body to add a command's result fields to; {@link #ok} puts {@code code} first. */
  static ObjectNode object() {
    return RongcloudJson.object();
  }

  static HttpResponse ok(ObjectNode result, Optional<String> requestId) {
    ObjectNode body = RongcloudJson.object().put("code", RongcloudCode.OK.code);
    body.setAll(result);
    requestId.ifPresent(id -> body.put("requestId", id));
    return HttpResponse.json(200, body);
  }

  static HttpResponse fail(RongcloudCode code, String message, Optional<String> requestId) {
    return HttpResponse.json(code.httpStatus, error(code, message, requestId));
  }

  private static ObjectNode error(RongcloudCode code, String message, Optional<String> requestId) {
    ObjectNode body = RongcloudJson.object().put("code", code.code).put("errorMessage", message);
    requestId.ifPresent(id -> body.put("requestId", id));
    return body;
  }
}
