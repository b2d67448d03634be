package io.parley.client;

/**
 * The server's acknowledgement of a stored message; {@code duplicate} is true when an earlier
 * attempt with the same client message id had already been stored (the ids and seq are the original's).
 */
public record SendReceipt(String clientMsgId, long serverMsgId, long seq, long serverTimeMs, boolean duplicate) {}
