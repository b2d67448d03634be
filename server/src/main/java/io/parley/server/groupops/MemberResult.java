package io.parley.server.groupops;

import java.util.Objects;

/** What an operation did to one user; {@code code} is the refusal's code when REFUSED, else 0. */
public record MemberResult(String userId, Kind kind, int code, String message) {
  /** The proto's MemberOutcomeKind, one to one. */
  public enum Kind {
    /** Joined, removed, muted, answered, … */
    DONE,
    /** Nothing to do: already a member, or not a member. */
    ALREADY,
    /** Waits for the owner or an admin. */
    PENDING_APPROVAL,
    /** Waits for the invitee. */
    PENDING_CONSENT,
    REFUSED
  }

  public MemberResult {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  static MemberResult of(String userId, Kind kind, String message) {
    return new MemberResult(userId, kind, 0, message);
  }

  static MemberResult refused(String userId, int code, String message) {
    return new MemberResult(userId, Kind.REFUSED, code, message);
  }
}
