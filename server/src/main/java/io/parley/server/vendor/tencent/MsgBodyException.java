package io.parley.server.vendor.tencent;

/** A Tencent MsgBody that cannot be read: names the field (as a JSON path) and what is wrong with it. */
public final class MsgBodyException extends Exception {
  private final String field;

  public MsgBodyException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
