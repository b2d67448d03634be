package io.parley.protocol.credential.rongcloud;

import java.util.Objects;

/** The verdict of {@link RongcloudToken#check}: an outcome, the decoded fields when readable, and why. */
public record RongcloudTokenCheck(Outcome outcome, DecodedRongcloudToken decodedOrNull, String reason) {

  /** What a Rongcloud token check concluded, in the order the checks run. */
  public enum Outcome {
    /** Issued by this server under this app's secret, for the expected app (and user, when one was expected). */
    OK,
    /** Not a well-formed token: see the reason. */
    UNDECODABLE,
    /** Well-formed, but names another App Key. */
    OTHER_APP,
    /** Names this app, but its signature was not made with this app's signing key. */
    BAD_SIGNATURE,
    /** Genuine, but for another user than the one expected. */
    OTHER_USER
  }

  public RongcloudTokenCheck {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  /** True when the token is valid for the expected app (and user, when one was expected). */
  public boolean isOk() {
    return outcome == Outcome.OK;
  }
}
