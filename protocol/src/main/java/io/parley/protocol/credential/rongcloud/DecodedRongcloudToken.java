package io.parley.protocol.credential.rongcloud;

import java.time.Instant;
import java.util.Objects;

/** The fields of a Rongcloud token after decoding; decoding alone proves nothing, see {@link RongcloudToken#check}. */
public record DecodedRongcloudToken(String appKey, String userId, long issuedAtMillis) {

  public DecodedRongcloudToken {
    Objects.requireNonNull(appKey, "appKey");
    Objects.requireNonNull(userId, "userId");
  }

  /** {@link #issuedAtMillis()} as an instant. */
  public Instant issuedAt() {
    return Instant.ofEpochMilli(issuedAtMillis);
  }
}
