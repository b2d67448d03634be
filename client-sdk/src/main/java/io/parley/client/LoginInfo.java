package io.parley.client;

/** What the server announced when a login succeeded. */
public record LoginInfo(
    long sessionId,
    long serverTimeMs,
    int heartbeatMinMs,
    int heartbeatMaxMs,
    long newestSeq,
    int maxMessageBytes,
    long credentialExpiresAtMs) {}
