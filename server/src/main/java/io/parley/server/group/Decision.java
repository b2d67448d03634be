package io.parley.server.group;

import java.util.function.Supplier;

/**
 * The answer to one group operation: an outcome and, when refused, a {@link GroupCodes} code (0 otherwise) and a
 * message naming the rule.
 */
public record Decision(Outcome outcome, int code, String message) {
  private static final Decision ALLOWED = new Decision(Outcome.ALLOWED, 0, "allowed");

  /** The operation may go ahead. */
  public static Decision allowed() {
    return ALLOWED;
  }

  /** A non-refusing outcome with a short explanation. */
  public static Decision of(Outcome outcome, String message) {
    if (outcome == Outcome.REFUSED) {
      throw new IllegalArgumentException("a refusal needs a code");
    }
    return new Decision(outcome, 0, message);
  }

  /** Refused with a code and a message naming the rule. */
  public static Decision refused(int code, String message) {
    return new Decision(Outcome.REFUSED, code, message);
  }

  /** True unless refused. */
  public boolean ok() {
    return outcome != Outcome.REFUSED;
  }

  /** This decision when refused, otherwise the next check's. */
  public Decision then(Supplier<Decision> next) {
    return ok() ? next.get() : this;
  }
}
