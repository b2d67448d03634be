package io.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one writer of the stack's generic error body, {@code {"error":"message"}} (the admin port's shape). */
public final class JsonErrors {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The default {@link ErrorWriter} of every router. */
  public static final ErrorWriter WRITER = JsonErrors::error;

  private JsonErrors() {}

  /** A JSON error reply with this status and message. */
  public static HttpResponse error(int status, String message) {
    return HttpResponse.json(status, body(message));
  }

  /** The error body alone, for callers that wrap it in their own reply type. */
  public static String body(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }
}
