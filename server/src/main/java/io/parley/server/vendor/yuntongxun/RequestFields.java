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

  /**
   * A list of ids: a JSON array of non-empty strings, or one string of them separated by commas; required, at most
   * {@code max} of them.
   */
  static java.util.List<String> strings(JsonNode body, String field, int max) throws YuntongxunRestException {
    JsonNode v = body.get(field);
    java.util.List<String> out = new java.util.ArrayList<>();
    if (v != null && v.isArray()) {
      for (JsonNode item : v) {
        if (!item.isTextual() || item.textValue().isEmpty()) {
          throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, field + " must hold non-empty strings");
        }
        out.add(item.textValue());
      }
    } else if (v != null && v.isTextual()) {
      for (String part : v.textValue().split(",", -1)) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    } else if (v != null && !v.isNull()) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT, field + " must be an array of strings");
    }
    if (out.isEmpty() || out.size() > max) {
      throw new YuntongxunRestException(YuntongxunCodes.REQUEST_FORMAT,
          "the body needs " + field + ": 1 to " + max + " voipAccounts");
    }
    return out;
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
