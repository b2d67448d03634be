package io.parley.server.callback;

import io.parley.server.app.App;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Before side: one POST per call, answered within the app's Before timeout. A timeout, an error, a non-2xx or
 * unreadable answer, or too many calls out at once leave the decision to the app's policy: allow when fail-open,
 * {@link BeforeVerdict.Refuse#noAnswer()} when fail-closed. Never retried: the operation is waiting.
 */
final class BeforeCaller {
  private static final Logger LOG = LoggerFactory.getLogger("parley.callbacks");
  /** The largest answer read: a modified message body is at most a message. */
  static final int MAX_ANSWER_BYTES = 1 << 20;

  private final HttpPoster poster;
  private final ExecutorService signer;
  private final Semaphore permits;
  private final CallbackCounters counters;
  private final Clock clock;
  private final ThrottledWarning unanswered = new ThrottledWarning(LOG, "Before callbacks unanswered", Duration.ofSeconds(10));

  BeforeCaller(HttpPoster poster, ExecutorService signer, int maxInFlight, CallbackCounters counters, Clock clock) {
    this.poster = poster;
    this.signer = signer;
    this.permits = new Semaphore(maxInFlight);
    this.counters = counters;
    this.clock = clock;
  }

  /** Asks the app; the future never fails and completes on a callback thread, never on the caller's. */
  CompletableFuture<BeforeVerdict> call(App app, CallbackFormat format, String command, CallbackEvent event) {
    if (!permits.tryAcquire()) {
      return CompletableFuture.completedFuture(policy(app, command, "too many Before callbacks in flight"));
    }
    Duration timeout = app.callback().beforeTimeout();
    CompletableFuture<BeforeVerdict> verdict;
    try {
      verdict = CompletableFuture
          .supplyAsync(() -> format.request(app, command, List.of(event), clock.instant()), signer)
          .thenCompose(request -> poster.post(request, timeout, LimitedBody.upTo(MAX_ANSWER_BYTES)))
          .orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS)
          .handle((response, error) -> {
            if (error != null) {
              return policy(app, command, Outcome.describe(error));
            }
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
              return policy(app, command, "HTTP " + response.statusCode());
            }
            Optional<BeforeVerdict> answer = format.verdict(response.body());
            return answer.orElseGet(() -> policy(app, command, "an answer that is not the vendor's format"));
          });
    } catch (RejectedExecutionException closed) {
      verdict = CompletableFuture.completedFuture(policy(app, command, "the callback queue is closed"));
    }
    return verdict.whenComplete((v, e) -> permits.release());
  }

  private BeforeVerdict policy(App app, String command, String why) {
    counters.beforeUnanswered.increment();
    boolean open = app.callback().failOpen();
    unanswered.occurred(() -> command + " for app " + app.id() + ": " + why
        + (open ? "; allowed (fail-open)" : "; refused (fail-closed)"));
    return open ? BeforeVerdict.ALLOW : BeforeVerdict.Refuse.noAnswer();
  }
}
