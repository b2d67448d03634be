package io.parley.server.callback;

import io.parley.server.app.App;
import io.parley.server.app.CallbackSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One vendor's callbacks: which callback (by the vendor's own command name) an event triggers, how the request is
 * built and signed, and how a Before answer reads. Implementations live in the vendor packages and are stateless.
 */
public interface CallbackFormat {

  /** The vendor's name of the callback this event triggers in this phase; empty when the vendor has none. */
  Optional<String> command(CallbackEvent event, Phase phase);

  /** Every command name this vendor's callbacks use: what an app's {@code callback.commands} may list. */
  Set<String> commands();

  /** How many events of this command may travel in one request (1: one request per event). */
  default int maxBatch(String command) {
    return 1;
  }

  /**
   * The signed request carrying these events (several only when {@link #maxBatch} allows) to the app's callback URL,
   * signed for {@code now}. Called again for each retry, so that signatures carry a fresh time.
   *
   * @throws IllegalStateException when the app has no callback URL
   * @throws IllegalArgumentException when an event is not one this command carries, or its body has the wrong shape
   */
  CallbackRequest request(App app, String command, List<CallbackEvent> events, Instant now);

  /**
   * The app's answer to a Before callback, from a 2xx response's body; empty when the body is not an answer this
   * vendor defines (the app's fail-open or fail-closed policy then decides).
   */
  Optional<BeforeVerdict> verdict(byte[] body);

  /** The names in the app's command list that this vendor does not know (a typo would silently turn a callback off). */
  default List<String> unknownCommands(CallbackSettings settings) {
    return settings.commands().map(c -> c.stream().filter(n -> !commands().contains(n)).sorted().toList())
        .orElse(List.of());
  }
}
