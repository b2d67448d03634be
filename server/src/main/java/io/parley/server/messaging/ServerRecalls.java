package io.parley.server.messaging;

import io.parley.server.app.App;
import io.parley.server.store.RecallRequest;
import io.parley.server.store.RecallResult;
import io.parley.server.store.Store;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Recalls of one-to-one messages that an app's server orders (the vendors' REST faces), with no time limit: the
 * message reads as recalled from then on (body gone) and both parties' online devices are told, durable before
 * {@link #recall} returns. A client-initiated recall adds its own checks (sender, time limit) over the same store
 * call. Blocks: call it from an HTTP handler thread, never from an event loop.
 */
public final class ServerRecalls {
  private static final long STORE_WAIT_SECONDS = 10;

  private final Store store;

  public ServerRecalls(Store store) {
    this.store = store;
  }

  /**
   * Recalls the message {@code serverMsgId} that {@code from} sent to {@code to}. Recalling it again changes nothing
   * and answers {@link RecallResult.Outcome#ALREADY_RECALLED}.
   *
   * @throws RecallFailed when the store does not answer in time (the caller may retry: a recall is idempotent)
   */
  public RecallResult.Outcome recall(App app, String from, String to, long serverMsgId) throws RecallFailed {
    try {
      return store.writer().recall(new RecallRequest(app.id(), from, to, serverMsgId))
          .get(STORE_WAIT_SECONDS, TimeUnit.SECONDS).outcome();
    } catch (ExecutionException | TimeoutException e) {
      throw new RecallFailed("the recall could not be stored in time; retry it");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecallFailed("interrupted while storing the recall");
    }
  }
}
