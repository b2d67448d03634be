package io.parley.server.store;

/**
 * A C2C message to recall: the one with {@code serverMsgId} in the conversation of {@code fromUserId} (its sender) and
 * {@code toUserId}. Ids must be non-empty and free of U+0000.
 */
public record RecallRequest(String appId, String fromUserId, String toUserId, long serverMsgId) {
}
