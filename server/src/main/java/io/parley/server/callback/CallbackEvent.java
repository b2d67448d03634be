package io.parley.server.callback;

import java.time.Instant;

/**
 * Something that happened that an app may want a callback about, in vendor-neutral terms; each vendor's
 * {@link CallbackFormat} turns it into that vendor's request.
 */
public sealed interface CallbackEvent permits StateChange, C2cMessage, GroupMessage, GroupActivity {

  /** Where the event came from: the device and address of the user who caused it. */
  Origin origin();

  /** When it happened. */
  Instant time();
}
