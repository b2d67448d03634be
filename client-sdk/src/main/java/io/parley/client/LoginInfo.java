package io.parley.client;

/**
 * What the server announced when a login succeeded. {@code resumeAfterSeq} is the seq delivery resumes after: the
 * client's last acked seq, or the server's newest seq when the client's cursor was ahead of it (the client then
 * takes it as its acked seq, and {@link io.parley.client.ParleyClient#lastAckedSeq()} says so).
 */
public record LoginInfo(
    long sessionId,
    long serverTimeMs,
    int heartbeatMinMs,
    int heartbeatMaxMs,
    long newestSeq,
    int maxMessageBytes,
    long credentialExpiresAtMs,
    long resumeAfterSeq) {}
