package io.parley.client;

/**
 * The server's acknowledgement of a stored message; {@code duplicate} is true when an earlier
 * attempt with the same client message id had already been stored (the ids and seq are the original's).
 * {@code groupSeq} is a group message's seq in its group's history, 0 for a one-to-one message.
 */
public record SendReceipt(
    String clientMsgId, long serverMsgId, long seq, long serverTimeMs, boolean duplicate, long groupSeq) {
  /** The receipt of a one-to-one message. */
  public SendReceipt(String clientMsgId, long serverMsgId, long seq, long serverTimeMs, boolean duplicate) {
    this(clientMsgId, serverMsgId, seq, serverTimeMs, duplicate, 0);
  }
}
