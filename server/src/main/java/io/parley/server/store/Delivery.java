package io.parley.server.store;

/** One timeline entry an append made: the seq it got in {@code userId}'s timeline. */
public record Delivery(String userId, long seq) {
}
