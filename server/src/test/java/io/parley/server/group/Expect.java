package io.parley.server.group;


/** The words a test table uses for an expected decision: an outcome, or the refusal's code. */
enum Expect {
  OK(Outcome.ALLOWED, 0),
  JOINED(Outcome.JOINED, 0),
  APPROVAL(Outcome.PENDING_APPROVAL, 0),
  CONSENT(Outcome.PENDING_CONSENT, 0),
  MEMBER(Outcome.REFUSED, GroupCodes.NOT_A_MEMBER),
  ALREADY(Outcome.REFUSED, GroupCodes.ALREADY_MEMBER),
  ROLE(Outcome.REFUSED, GroupCodes.ROLE_NOT_IN_KIND),
  UNSUPPORTED(Outcome.REFUSED, GroupCodes.NOT_SUPPORTED),
  DENIED(Outcome.REFUSED, GroupCodes.NOT_PERMITTED),
  OUTRANKS(Outcome.REFUSED, GroupCodes.TARGET_OUTRANKS),
  OWNER(Outcome.REFUSED, GroupCodes.OWNER_PROTECTED),
  MISMATCH(Outcome.REFUSED, GroupCodes.TARGET_ROLE_MISMATCH),
  NOAPPLY(Outcome.REFUSED, GroupCodes.APPLY_DISABLED),
  NOINVITE(Outcome.REFUSED, GroupCodes.INVITE_DISABLED),
  FULL(Outcome.REFUSED, GroupCodes.MEMBER_LIMIT_REACHED),
  STAY(Outcome.REFUSED, GroupCodes.OWNER_CANNOT_QUIT),
  MUTED(Outcome.REFUSED, GroupCodes.MUTED),
  MUTEDALL(Outcome.REFUSED, GroupCodes.MUTED_ALL),
  DURATION(Outcome.REFUSED, GroupCodes.BAD_MUTE_DURATION),
  NOLEVEL(Outcome.REFUSED, GroupCodes.MUTE_LEVEL_NOT_SUPPORTED),
  NOOPTION(Outcome.REFUSED, GroupCodes.OPTION_NOT_SUPPORTED),
  BADLIMIT(Outcome.REFUSED, GroupCodes.BAD_MEMBER_LIMIT);

  final Outcome outcome;
  final int code;

  Expect(Outcome outcome, int code) {
    this.outcome = outcome;
    this.code = code;
  }

  /** The expectation a decision meets, for messages. */
  static Expect of(Decision d) {
    for (Expect e : values()) {
      if (e.outcome == d.outcome() && e.code == d.code()) {
        return e;
      }
    }
    throw new AssertionError("no word for " + d);
  }

}
