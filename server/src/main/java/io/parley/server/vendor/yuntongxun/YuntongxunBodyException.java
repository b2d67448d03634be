package io.parley.server.vendor.yuntongxun;

/**
 * A Yuntongxun message body that cannot be read as elements, naming the field as it is spelled on the wire
 * ({@code parleyMore[1].msgFileSize}). Expected bad input: no stack trace.
 */
public final class YuntongxunBodyException extends Exception {
  private final String field;

  YuntongxunBodyException(String field, String problem) {
    super(field + " " + problem, null, false, false);
    this.field = field;
  }

  /** The field at fault, as spelled on the wire. */
  public String field() {
    return field;
  }
}
