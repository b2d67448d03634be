package io.parley.bench;

/** HTML text escaping for reports: everything that came from a JSON file goes through {@link #esc}. */
final class Html {
  private Html() {}

  /** {@code s} safe as HTML text or as a double- or single-quoted attribute value. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
