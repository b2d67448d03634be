package io.parley.protocol.credential.tencent;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The fields of a Tencent UserSig after decoding; decoding alone proves nothing, see {@link UserSig#check}.
 *
 * <p>{@code toString()} leaves out {@code sig}: together with the other fields it is the credential.
 */
public record DecodedUserSig(
    String version,
    String identifier,
    long sdkAppId,
    long time,
    long expire,
    String sig,
    byte[] userbufOrNull) {

  public DecodedUserSig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(sig, "sig");
    userbufOrNull = userbufOrNull == null ? null : userbufOrNull.clone();
  }

  /** A copy of the user buffer, or null when the UserSig carries none. */
  @Override
  public byte[] userbufOrNull() {
    return userbufOrNull == null ? null : userbufOrNull.clone();
  }

  /** {@code time + expire}, saturated at {@link Long#MAX_VALUE}. */
  public long expiresAtEpochSeconds() {
    long sum = time + expire;
    return ((time ^ sum) & (expire ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedUserSig other
        && version.equals(other.version)
        && identifier.equals(other.identifier)
        && sdkAppId == other.sdkAppId
        && time == other.time
        && expire == other.expire
        && sig.equals(other.sig)
        && Arrays.equals(userbufOrNull, other.userbufOrNull);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, identifier, sdkAppId, time, expire, sig)
        * 31 + Arrays.hashCode(userbufOrNull);
  }

  @Override
  public String toString() {
    return "DecodedUserSig[version=" + version
        + ", identifier=" + identifier
        + ", sdkAppId=" + sdkAppId
        + ", time=" + time
        + ", expire=" + expire
        + ", sig=<redacted>"
        + ", userbuf=" + (userbufOrNull == null ? "none" : Base64.getEncoder().encodeToString(userbufOrNull))
        + "]";
  }
}
