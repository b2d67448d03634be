package io.parley.server.auth;

import io.parley.protocol.v1.CredentialKind;
import java.util.List;

/**
 * A credential Parley issued for a user: what to put in Login (kind, user id, credential) and notes for the human
 * (what was created, how long it lasts).
 */
public record IssuedCredential(String appId, CredentialKind kind, String userId, String credential, List<String> notes) {
  public IssuedCredential {
    notes = List.copyOf(notes);
  }

  @Override
  public String toString() {
    return "IssuedCredential[app=" + appId + ", kind=" + kind + ", user=" + userId + ", credential=<redacted>]";
  }
}
