package io.parley.server.auth;

import java.net.URI;
import java.util.Optional;

/**
 * Where and how the app wants its vendor callbacks (used by the callback feature): the URL, and for Tencent the
 * optional callback token that signs each request. {@code NONE} means the app takes no callbacks.
 */
public record CallbackSettings(Optional<URI> url, Optional<String> token) {

  public static final CallbackSettings NONE = new CallbackSettings(Optional.empty(), Optional.empty());

  @Override
  public String toString() {
    return "CallbackSettings[url=" + url.map(URI::toString).orElse("none") + ", token=" + (token.isPresent() ? "<redacted>" : "none") + "]";
  }
}
