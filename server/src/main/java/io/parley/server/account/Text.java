package io.parley.server.account;

/** Checks of user-supplied names and ids. */
public final class Text {

  private Text() {
  }

  /**
   * True when {@code s} has 1..{@code maxChars} characters (code points) and none is a control character (U+0000
   * included), a line or paragraph separator, or half of a broken surrogate pair.
   */
  public static boolean isPrintable(String s, int maxChars) {
    if (s == null || s.isEmpty() || s.codePointCount(0, s.length()) > maxChars) {
      return false;
    }
    return s.codePoints().allMatch(Text::isPrintable);
  }

  private static boolean isPrintable(int codePoint) {
    int type = Character.getType(codePoint);
    return type != Character.CONTROL && type != Character.SURROGATE && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }
}
