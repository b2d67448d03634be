package io.parley.server.callback;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/** How an After request ended: delivered, worth trying again (connect error, timeout, 5xx), or not (4xx, bad request). */
enum Outcome {
  SENT,
  RETRY,
  FAIL;

  static Outcome of(int status) {
    if (status >= 200 && status < 300) {
      return SENT;
    }
    return status >= 500 && status < 600 ? RETRY : FAIL;
  }

  /** Connect errors, resets and timeouts are worth retrying; anything else (a bad URL, a bug) is not. */
  static Outcome of(Throwable error) {
    Throwable cause = unwrap(error);
    return cause instanceof IOException || cause instanceof TimeoutException ? RETRY : FAIL;
  }

  /** The exception behind a future's CompletionException. */
  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** A short description of a failed request, for the log: never the URL (it may carry a signature). */
  static String describe(Throwable error) {
    Throwable cause = unwrap(error);
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
