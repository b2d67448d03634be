package io.parley.protocol.credential.tencent;

import java.util.Objects;

/** The verdict of {@link UserSig#check}: an outcome with its vendor code, the decoded fields when readable, and why. */
public record UserSigCheck(Outcome outcome, DecodedUserSig decodedOrNull, String reason) {

  /** What a UserSig check concluded; {@link #code()} is the vendor's error code (0 for OK). */
  public enum Outcome {
    OK(0),
    EXPIRED(70001),
    UNDECODABLE(70003),
    BAD_SIGNATURE(70009),
    IDENTIFIER_MISMATCH(70013),
    SDKAPPID_MISMATCH(70014);

    private final int code;

    Outcome(int code) {
      this.code = code;
    }

    /** The Tencent error code for this outcome. */
    public int code() {
      return code;
    }
  }

  public UserSigCheck {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  /** True when the UserSig is valid for the expected app and user at the given time. */
  public boolean isOk() {
    return outcome == Outcome.OK;
  }
}
