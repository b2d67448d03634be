package io.parley.server.callback;

import java.util.concurrent.atomic.LongAdder;

/** The running totals behind {@link CallbackStats}, shared by the After queue and the Before caller. */
final class CallbackCounters {
  final LongAdder sent = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder retried = new LongAdder();
  final LongAdder beforeUnanswered = new LongAdder();

  CallbackStats snapshot(int queued, int inFlight) {
    return new CallbackStats(sent.sum(), failed.sum(), dropped.sum(), retried.sum(), beforeUnanswered.sum(), queued,
        inFlight);
  }
}
