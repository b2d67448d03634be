package io.parley.server.store;

import io.parley.protocol.v1.Message;

/** What an append stores in its conversation: a message today; other kinds of event (group tips) come later. */
public sealed interface Event {

  /**
   * A new message, built by its sender's feature (messaging). The store assigns its server msg id and server time:
   * whatever the message holds in those two fields is replaced.
   */
  record NewMessage(Message message) implements Event {
  }
}
