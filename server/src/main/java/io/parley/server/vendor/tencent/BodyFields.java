package io.parley.server.vendor.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a command's fields off its JSON body. A field that is missing, of another JSON type or out of range is a
 * 10004 naming the field, exactly as it is spelled on the wire.
 */
final class BodyFields {
  /** The longest UserID Tencent accepts, in UTF-8 bytes. */
  static final int MAX_USER_ID_BYTES = 32;

  private BodyFields() {}

  /** A string field that must be present (it may be empty). */
  static String text(JsonNode body, String field) throws TencentRestException {
    return optionalText(body, field).orElseThrow(() -> missing(field, "a string"));
  }

  /** A string field that may be absent (or null). */
  static Optional<String> optionalText(JsonNode body, String field) throws TencentRestException {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(field, "a string", node);
    }
    return Optional.of(node.textValue());
  }

  /** A whole-number field that may be absent (or null). */
  static Optional<Long> optionalInteger(JsonNode body, String field) throws TencentRestException {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw wrongType(field, "a whole number", node);
    }
    return Optional.of(node.longValue());
  }

  /** An array field with 1 to {@code max} elements. */
  static List<JsonNode> array(JsonNode body, String field, int max) throws TencentRestException {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw missing(field, "an array");
    }
    if (!node.isArray()) {
      throw wrongType(field, "an array", node);
    }
    if (node.isEmpty() || node.size() > max) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          field + " must have 1 to " + max + " elements, not " + node.size());
    }
    List<JsonNode> elements = new ArrayList<>(node.size());
    node.forEach(elements::add);
    return elements;
  }

  /** An array of 1 to {@code max} strings. */
  static List<String> texts(JsonNode body, String field, int max) throws TencentRestException {
    List<String> out = new ArrayList<>();
    for (JsonNode element : array(body, field, max)) {
      if (!element.isTextual()) {
        throw wrongType(field + "[" + out.size() + "]", "a string", element);
      }
      out.add(element.textValue());
    }
    return out;
  }

  /** The {@code field} string of each object of an array of 1 to {@code max} objects ({@code DeleteItem[].UserID}). */
  static List<String> textsOfObjects(JsonNode body, String array, String field, int max) throws TencentRestException {
    List<String> out = new ArrayList<>();
    for (JsonNode element : array(body, array, max)) {
      String where = array + "[" + out.size() + "]";
      if (!element.isObject()) {
        throw wrongType(where, "an object", element);
      }
      JsonNode value = element.get(field);
      if (value == null || value.isNull()) {
        throw missing(where + "." + field, "a string");
      }
      if (!value.isTextual()) {
        throw wrongType(where + "." + field, "a string", value);
      }
      out.add(value.textValue());
    }
    return out;
  }

  /** A UserID Tencent would accept: 1 to 32 bytes of UTF-8. */
  static boolean validUserId(String userId) {
    return !userId.isEmpty() && userId.getBytes(StandardCharsets.UTF_8).length <= MAX_USER_ID_BYTES;
  }

  /** The UserID field, refused with 10004 unless {@link #validUserId}. */
  static String userId(JsonNode body, String field) throws TencentRestException {
    String userId = text(body, field);
    if (!validUserId(userId)) {
      throw new TencentRestException(TencentCodes.INVALID_PARAMETER,
          field + " must be 1 to " + MAX_USER_ID_BYTES + " bytes of UTF-8, not \"" + userId + "\"");
    }
    return userId;
  }

  private static TencentRestException missing(String field, String kind) {
    return new TencentRestException(TencentCodes.INVALID_PARAMETER, "the body lacks " + field + ", " + kind);
  }

  private static TencentRestException wrongType(String field, String kind, JsonNode actual) {
    return new TencentRestException(TencentCodes.INVALID_PARAMETER,
        field + " must be " + kind + ", not " + actual.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
  }
}
