package io.parley.client.internal;

import io.parley.client.LoginInfo;
import io.parley.protocol.ProtocolVersion;
import io.parley.protocol.v1.Frame;
import io.parley.protocol.v1.Login;
import io.parley.protocol.v1.LoginResult;

/**
 * The first exchange of every connection: the Login frame this client sends, and what the server's LoginResult
 * announces (its refusals are classified by {@link Refusal#ofLogin}). Immutable, safe on any thread.
 */
final class LoginHandshake {
  /** Heartbeat bounds assumed when the server announces none. */
  static final int FALLBACK_HEARTBEAT_MIN_MS = 30_000;
  static final int FALLBACK_HEARTBEAT_MAX_MS = 300_000;

  private final ClientConfig config;

  LoginHandshake(ClientConfig config) {
    this.config = config;
  }

  /** The Login of this client's identity and a freshly asked credential, resuming after {@code lastAckedSeq}. */
  Frame login(int requestId, String credential, long lastAckedSeq) {
    Login login =
        Login.newBuilder()
            .setProtocolVersion(ProtocolVersion.CURRENT)
            .setAppId(config.appId())
            .setUserId(config.userId())
            .setCredentialKind(WireMapping.credentialKind(config.credentialKind()))
            .setCredential(credential)
            .setDeviceId(config.deviceId())
            .setPlatform(WireMapping.platform(config.platform()))
            .setLastAckedSeq(lastAckedSeq)
            .build();
    return Frame.newBuilder().setRequestId(requestId).setLogin(login).build();
  }

  /**
   * What a successful login announced. Missing heartbeat bounds fall back to 30 s and 300 s (max never below min);
   * delivery resumes after the server's {@code resume_after_seq}, or after {@code lastAckedSeq} when it sends none.
   */
  static LoginInfo read(LoginResult result, long lastAckedSeq) {
    int min = result.getHeartbeatMinMs() > 0 ? result.getHeartbeatMinMs() : FALLBACK_HEARTBEAT_MIN_MS;
    int max = Math.max(min, result.getHeartbeatMaxMs() > 0 ? result.getHeartbeatMaxMs() : FALLBACK_HEARTBEAT_MAX_MS);
    long resumeAfter = result.hasResumeAfterSeq() ? result.getResumeAfterSeq() : lastAckedSeq;
    return new LoginInfo(
        result.getSessionId(),
        result.getServerTimeMs(),
        min,
        max,
        result.getNewestSeq(),
        result.getMaxMessageBytes(),
        result.getCredentialExpiresAtMs(),
        resumeAfter);
  }
}
