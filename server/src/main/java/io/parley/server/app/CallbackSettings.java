package io.parley.server.app;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where and how the app wants its vendor callbacks (used by the callback feature): the URL; for Tencent the optional
 * callback token that signs each request; which commands it takes (absent: all its vendor sends); how long a
 * <i>Before</i> callback may take; and whether an unanswered Before callback lets the operation through
 * ({@code failOpen}, the vendors' behaviour) or refuses it. {@code NONE} means the app takes no callbacks.
 */
public record CallbackSettings(
    Optional<URI> url, Optional<String> token, Optional<Set<String>> commands, Duration beforeTimeout, boolean failOpen) {

  /** How long a Before callback may take unless the app says otherwise (the vendors' own default). */
  public static final Duration DEFAULT_BEFORE_TIMEOUT = Duration.ofSeconds(2);

  public static final CallbackSettings NONE = new CallbackSettings(Optional.empty(), Optional.empty());

  public CallbackSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    commands = Objects.requireNonNull(commands, "commands").map(Set::copyOf);
    Objects.requireNonNull(beforeTimeout, "beforeTimeout");
    if (beforeTimeout.isNegative() || beforeTimeout.isZero()) {
      throw new IllegalArgumentException("beforeTimeout must be positive, not " + beforeTimeout);
    }
  }

  /** Every command, the default Before timeout, fail-open. */
  public CallbackSettings(Optional<URI> url, Optional<String> token) {
    this(url, token, Optional.empty(), DEFAULT_BEFORE_TIMEOUT, true);
  }

  /** Whether the app takes the callback its vendor names {@code command}. */
  public boolean enabled(String command) {
    return commands.map(c -> c.contains(command)).orElse(true);
  }

  @Override
  public String toString() {
    return "CallbackSettings[url=" + url.map(URI::toString).orElse("none") + ", token="
        + (token.isPresent() ? "<redacted>" : "none") + ", commands=" + commands.map(Set::toString).orElse("all")
        + ", beforeTimeout=" + beforeTimeout.toMillis() + "ms, failOpen=" + failOpen + "]";
  }
}
