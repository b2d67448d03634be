package io.parley.server.session;

/** A user as the server addresses it: always scoped by app. */
public record UserKey(String appId, String userId) {}
