package io.parley.server.vendor.yuntongxun;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads a function's fields off its JSON body, where every value is a string. A required field that is missing or
 * empty, or a value of another type, is a 110141 naming the field as spelled on the wire.
 */
final class RequestFields {
  private RequestFields() {}

  /** A string field that must be present and not empty. */
  static String required(JsonNode body, String field) throws YuntongxunRestException {
    return optional(body, field).filter(s -> !s.isEmpty()).orElseThrow(() -> new YuntongxunRestException(
        YuntongxunCodes.REQUEST_FORMAT, "the body lacks " + field + ", a non-empty string"));
  }

  /** A string field that may be absent, null or empty. */
  static Optional<String> optional(JsonNode body, String field) throws YuntongxunRestException {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, field + " must be a string");
    }
    return Optional.of(v.textValue());
  }

  /** A whole number from {@code min} to {@code max}, written as a string (or a JSON number); absent or "": the default. */
  static int number(JsonNode body, String field, int min, int max, int absent) throws YuntongxunRestException {
    JsonNode v = body.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
      return absent;
    }
    String text = v.isTextual() ? v.textValue() : v.isIntegralNumber() ? v.asText() : "";
    try {
      int n = Integer.parseInt(text);
      if (n >= min && n <= max && text.chars().allMatch(Character::isDigit)) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT,
        field + " must be a whole number from " + min + " to " + max + ", not " + v);
  }
}
