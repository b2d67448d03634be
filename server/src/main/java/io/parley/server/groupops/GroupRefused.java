package io.parley.server.groupops;

import io.parley.server.group.Decision;

/** A refusal by a group rule or a missing thing; {@link #code()} is a {@link io.parley.server.group.GroupCodes} code. */
public final class GroupRefused extends RuntimeException {
  private final int code;

  public GroupRefused(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The refusal's code (3000-3099). */
  public int code() {
    return code;
  }

  /** Throws the decision's refusal; returns it when it is not a refusal. */
  static Decision check(Decision d) {
    if (!d.ok()) {
      throw new GroupRefused(d.code(), d.message());
    }
    return d;
  }
}
