package io.parley.server.groupops;

import io.parley.server.group.GroupCodes;
import java.util.Map;

/** Checks of what a caller hands in; each refusal is BAD_GROUP_INPUT with a message naming the field. */
final class Inputs {
  static final int MAX_ID = 128;
  static final int MAX_NAME = 256;
  /** Introduction, notification, face URL, name cards and custom values. */
  static final int MAX_TEXT = 4096;

  private Inputs() {}

  /** Non-empty, no U+0000, at most 128 characters. */
  static String id(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw bad(what + " must not be empty");
    }
    return text(what, value, MAX_ID);
  }

  static String name(String what, String value) {
    return text(what, value, MAX_NAME);
  }

  static String text(String what, String value) {
    return text(what, value, MAX_TEXT);
  }

  static Map<String, String> custom(Map<String, String> custom) {
    custom.forEach((k, v) -> {
      id("a custom field's key", k);
      text("custom field " + k, v);
    });
    return custom;
  }

  private static String text(String what, String value, int max) {
    if (value == null) {
      throw bad(what + " must not be null");
    }
    if (value.indexOf('\0') >= 0) {
      throw bad(what + " must not contain U+0000");
    }
    if (value.length() > max) {
      throw bad(what + " is " + value.length() + " characters; at most " + max);
    }
    return value;
  }

  static GroupRefused bad(String message) {
    return new GroupRefused(GroupCodes.BAD_GROUP_INPUT, message);
  }
}
