package io.parley.server.vendor.netease;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.server.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request's form parameters as NetEase reads them: names case-insensitive ({@code pushContent} is
 * {@code pushcontent}), every value a string, the first value of a repeated name, an empty value the same as none.
 * Each typed read names the parameter in its 414.
 */
final class NeteaseForm {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  NeteaseForm(Map<String, List<String>> form) {
    form.forEach((name, list) -> {
      if (!list.isEmpty()) {
        values.putIfAbsent(name, list.get(0));
      }
    });
  }

  static NeteaseForm of(HttpRequest request) {
    return new NeteaseForm(request.form());
  }

  Optional<String> optional(String name) {
    String v = values.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** @throws NeteaseRestException 414 "{@code name} is missing" */
  String required(String name) throws NeteaseRestException {
    return optional(name).orElseThrow(() -> NeteaseRestException.parameter(name + " is missing"));
  }

  /** An optional string of at most {@code max} characters. @throws NeteaseRestException 405 when longer */
  Optional<String> optional(String name, int max) throws NeteaseRestException {
    Optional<String> v = optional(name);
    if (v.isPresent() && v.get().codePointCount(0, v.get().length()) > max) {
      throw new NeteaseRestException(NeteaseCodes.TOO_LONG, name + " is longer than " + max + " characters");
    }
    return v;
  }

  long longValue(String name, long absent) throws NeteaseRestException {
    Optional<String> v = optional(name);
    if (v.isEmpty()) {
      return absent;
    }
    try {
      return Long.parseLong(v.get().trim());
    } catch (NumberFormatException e) {
      throw NeteaseRestException.parameter(name + " not long");
    }
  }

  long requiredLong(String name) throws NeteaseRestException {
    required(name);
    return longValue(name, 0);
  }

  int intValue(String name, int absent) throws NeteaseRestException {
    long v = longValue(name, absent);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw NeteaseRestException.parameter(name + " not int");
    }
    return (int) v;
  }

  int requiredInt(String name) throws NeteaseRestException {
    required(name);
    return intValue(name, 0);
  }

  /** {@code "true"} or {@code "false"} (any case). */
  boolean bool(String name, boolean absent) throws NeteaseRestException {
    Optional<String> v = optional(name);
    if (v.isEmpty()) {
      return absent;
    }
    if (v.get().equalsIgnoreCase("true")) {
      return true;
    }
    if (v.get().equalsIgnoreCase("false")) {
      return false;
    }
    throw NeteaseRestException.parameter(name + " not boolean");
  }

  /** A JSON array of 1..{@code max} strings. @throws NeteaseRestException 414 when malformed, 419 when too long */
  List<String> stringList(String name, int max) throws NeteaseRestException {
    return stringList(name, max, false);
  }

  /** A JSON array of up to {@code max} strings, {@code []} allowed when {@code mayBeEmpty}. */
  List<String> stringList(String name, int max, boolean mayBeEmpty) throws NeteaseRestException {
    JsonNode array = json(name, required(name));
    if (!array.isArray() || array.isEmpty() && !mayBeEmpty) {
      throw NeteaseRestException.parameter(name + " not a JSON array of strings, such as [\"a\",\"b\"]");
    }
    if (array.size() > max) {
      throw new NeteaseRestException(NeteaseCodes.OVER_LIMIT, name + " has " + array.size() + " items; at most " + max);
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      if (!item.isTextual()) {
        throw NeteaseRestException.parameter(name + " not a JSON array of strings, such as [\"a\",\"b\"]");
      }
      out.add(item.asText());
    }
    return out;
  }

  /** An optional JSON object. */
  Optional<JsonNode> object(String name) throws NeteaseRestException {
    Optional<String> v = optional(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = json(name, v.get());
    if (!node.isObject()) {
      throw NeteaseRestException.parameter(name + " not a JSON object");
    }
    return Optional.of(node);
  }

  private static JsonNode json(String name, String text) throws NeteaseRestException {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw NeteaseRestException.parameter(name + " not JSON");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw NeteaseRestException.parameter(name + " not JSON");
    }
  }
}
