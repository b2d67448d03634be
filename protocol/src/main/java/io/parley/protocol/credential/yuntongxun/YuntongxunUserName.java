package io.parley.protocol.credential.yuntongxun;

import java.util.Optional;

/**
 * User names for Yuntongxun any-account login: 5 to 20 ASCII letters, digits, {@code _} or {@code -}, not starting
 * with {@code g} or {@code G} (the vendor's group ids start with g).
 */
public final class YuntongxunUserName {
  /** Shortest valid user name, in characters. */
  public static final int MIN_LENGTH = 5;
  /** Longest valid user name, in characters. */
  public static final int MAX_LENGTH = 20;

  private YuntongxunUserName() {}

  /**
   * Empty when {@code name} is a valid user name, else one sentence naming the first rule it breaks. Rules are
   * checked in this order: not empty, allowed characters, length, first letter.
   */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("user name is empty");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (!allowed(c)) {
        return Optional.of("user name has " + describe(c) + " at position " + (name.codePointCount(0, i) + 1)
            + "; only ASCII letters, digits, \"_\" and \"-\" are allowed (no Chinese characters, spaces or symbols)");
      }
      i += Character.charCount(c);
    }
    if (name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
      return Optional.of("user name is " + name.length() + " characters long; it must be " + MIN_LENGTH + " to "
          + MAX_LENGTH + " characters");
    }
    char first = name.charAt(0);
    if (first == 'g' || first == 'G') {
      return Optional.of("user name starts with \"" + first
          + "\"; names starting with g or G are reserved because group ids start with g");
    }
    return Optional.empty();
  }

  private static boolean allowed(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  /** The character in quotes with its code point, or only the code point when it would not show in a message. */
  private static String describe(int c) {
    String code = String.format("U+%04X", c);
    if (c == ' ') {
      return "a space (" + code + ")";
    }
    boolean invisible = switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
      default -> false;
    };
    return invisible ? "the character " + code : "\"" + new String(Character.toChars(c)) + "\" (" + code + ")";
  }
}
