package io.parley.server.callback;

/**
 * Counters of the callback queue for /metrics, since the server started. Counts are of callbacks (events), so a
 * batched request of five status changes counts five; {@code retried} counts requests sent again.
 *
 * @param sent After callbacks the app answered with 2xx
 * @param failed After callbacks given up on: a 4xx or other non-retryable answer, retries used up, or shutdown
 * @param dropped After callbacks never sent: the queue was full or closed
 * @param retried After requests sent again after a connect error, a timeout or a 5xx
 * @param beforeUnanswered Before calls decided by the app's policy: timeout, error, unreadable answer, or too many
 * @param queued After callbacks waiting now
 * @param inFlight After callbacks being sent now or waiting for a retry
 */
public record CallbackStats(
    long sent, long failed, long dropped, long retried, long beforeUnanswered, int queued, int inFlight) {}
