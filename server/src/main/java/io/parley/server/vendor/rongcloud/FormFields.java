package io.parley.server.vendor.rongcloud;

import io.parley.server.messaging.Identifiers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's form parameters, read the way the Server API reads them: a repeated key is an array
 * ({@code toUserId=a&toUserId=b}), a single-valued key takes its first value, an empty value is a missing one. Every
 * refusal names the parameter: 1002 for missing or malformed, 1005 for too long, 1003 when the request has no
 * parameters at all.
 */
final class FormFields {
  /** Longest user id the vendor takes (its SDK checks 1 to 64). */
  static final int MAX_USER_ID = 64;
  /** Longest group id the vendor takes (its SDK checks 1 to 64). */
  static final int MAX_GROUP_ID = 64;

  private final Map<String, List<String>> form;

  FormFields(Map<String, List<String>> form) {
    this.form = form;
  }

  Optional<String> optional(String name) {
    List<String> values = form.get(name);
    return values == null || values.isEmpty() || values.get(0).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** An optional text of at most {@code max} characters. */
  Optional<String> optional(String name, int max) throws RongcloudRestException {
    Optional<String> v = optional(name);
    if (v.isPresent() && v.get().length() > max) {
      throw tooLong(name, max);
    }
    return v;
  }

  String required(String name, int max) throws RongcloudRestException {
    Optional<String> v = optional(name, max);
    if (v.isEmpty()) {
      if (form.isEmpty()) {
        throw new RongcloudRestException(RongcloudCode.NO_POST_DATA, "the request has no POST data; " + name
            + " is required (the body is application/x-www-form-urlencoded)");
      }
      throw new RongcloudRestException(RongcloudCode.PARAMETER, name + " is required");
    }
    return v.get();
  }

  /** A required user id: 1 to 64 characters, none a control character. */
  String userId(String name) throws RongcloudRestException {
    return checkedUserId(name, required(name, MAX_USER_ID));
  }

  /** Every value of a repeatable user-id parameter, each once, in order: 1 to {@code max} of them. */
  List<String> userIds(String name, int max) throws RongcloudRestException {
    List<String> values = new ArrayList<>(new LinkedHashSet<>(form.getOrDefault(name, List.of())));
    values.removeIf(String::isEmpty);
    if (values.isEmpty()) {
      required(name, MAX_USER_ID); // throws the missing-parameter refusal
    }
    if (values.size() > max) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER,
          name + " is given " + values.size() + " times; at most " + max + " are taken");
    }
    for (String v : values) {
      if (v.length() > MAX_USER_ID) {
        throw tooLong(name, MAX_USER_ID);
      }
      checkedUserId(name, v);
    }
    return values;
  }

  /** A required group id: 1 to {@value #MAX_GROUP_ID} characters, none a control character. */
  String groupId(String name) throws RongcloudRestException {
    return checkedGroupId(name, required(name, MAX_GROUP_ID));
  }

  /** Every value of a repeatable group-id parameter, each once, in order: 1 to {@code max} of them. */
  List<String> groupIds(String name, int max) throws RongcloudRestException {
    List<String> values = new ArrayList<>(new LinkedHashSet<>(form.getOrDefault(name, List.of())));
    values.removeIf(String::isEmpty);
    if (values.isEmpty()) {
      required(name, MAX_GROUP_ID); // throws the missing-parameter refusal
    }
    if (values.size() > max) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER,
          name + " is given " + values.size() + " times; at most " + max + " are taken");
    }
    for (String v : values) {
      if (v.length() > MAX_GROUP_ID) {
        throw tooLong(name, MAX_GROUP_ID);
      }
      checkedGroupId(name, v);
    }
    return values;
  }

  /**
   * The map-like parameters {@code <prefix>[<key>]=<value>} (e.g. {@code group[g1]=Name}), key to first value, in the
   * order received; a key must be a group id and a value at most {@code maxValue} characters.
   */
  Map<String, String> bracketed(String prefix, int maxValue) throws RongcloudRestException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : form.entrySet()) {
      String k = e.getKey();
      if (!k.startsWith(prefix + "[") || !k.endsWith("]")) {
        continue;
      }
      String key = checkedGroupId(k, k.substring(prefix.length() + 1, k.length() - 1));
      if (key.length() > MAX_GROUP_ID) {
        throw tooLong(k, MAX_GROUP_ID);
      }
      String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
      if (value.length() > maxValue) {
        throw tooLong(k, maxValue);
      }
      out.put(key, value);
    }
    return out;
  }

  /** True when the request names this parameter at all (even empty). */
  boolean has(String name) {
    return form.containsKey(name);
  }

  /** A whole number within [min, max], or {@code absent} when not given. */
  long number(String name, long min, long max, long absent) throws RongcloudRestException {
    Optional<String> v = optional(name);
    return v.isEmpty() ? absent : parse(name, v.get(), min, max);
  }

  /** A required whole number within [min, max]. */
  long requiredNumber(String name, long min, long max) throws RongcloudRestException {
    return parse(name, required(name, 20), min, max);
  }

  /** A 0/1 flag, {@code absent} when not given. */
  boolean flag(String name, boolean absent) throws RongcloudRestException {
    return number(name, 0, 1, absent ? 1 : 0) == 1;
  }

  private static long parse(String name, String text, long min, long max) throws RongcloudRestException {
    long value;
    try {
      value = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER, name + " must be a whole number, not \"" + text + "\"");
    }
    if (value < min || value > max) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER, name + " must be from " + min + " to " + max
          + ", not " + value);
    }
    return value;
  }

  private static String checkedUserId(String name, String value) throws RongcloudRestException {
    if (!Identifiers.valid(value)) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER,
          name + " must be a user id of 1 to " + MAX_USER_ID + " characters without control characters");
    }
    return value;
  }

  private static String checkedGroupId(String name, String value) throws RongcloudRestException {
    if (!Identifiers.valid(value) || value.length() > MAX_GROUP_ID) {
      throw new RongcloudRestException(RongcloudCode.PARAMETER,
          name + " must be a group id of 1 to " + MAX_GROUP_ID + " characters without control characters");
    }
    return value;
  }

  private static RongcloudRestException tooLong(String name, int max) {
    return new RongcloudRestException(RongcloudCode.TOO_LONG, name + " is longer than " + max + " characters");
  }
}
