package io.parley.server.vendor.netease;

/** A NetEase message {@code type} + {@code body} that cannot be read: names the field and what is wrong with it. */
public final class NeteaseBodyException extends Exception {
  private final String field;

  public NeteaseBodyException(String field, String problem) {
    super(field + " " + problem, null, false, false);
    this.field = field;
  }

  /** The parameter or body field at fault: {@code type}, {@code body}, {@code body.url}, … */
  public String field() {
    return field;
  }
}
