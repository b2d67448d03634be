package io.parley.server.auth;

import io.parley.protocol.v1.CredentialKind;

/**
 * What a Login frame claims, plus where it came from: the app, the user (may be empty when the credential names the
 * user, as a Rongcloud token does), the credential and its kind, and the client's address for throttling.
 */
public record LoginAttempt(String appId, String userId, CredentialKind kind, String credential, String sourceAddress) {

  public LoginAttempt {
    userId = userId == null ? "" : userId;
    credential = credential == null ? "" : credential;
    sourceAddress = sourceAddress == null ? "" : sourceAddress;
  }

  @Override
  public String toString() {
    return "LoginAttempt[app=" + appId + ", user=" + userId + ", kind=" + kind + ", from=" + sourceAddress + "]";
  }
}
