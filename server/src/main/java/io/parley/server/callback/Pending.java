package io.parley.server.callback;

import io.parley.server.app.App;

/** An After callback waiting in the queue: for which app, in which format, under which command. */
record Pending(App app, CallbackFormat format, String command, CallbackEvent event) {

  /** Whether this and {@code other} may travel in one request. */
  boolean batchesWith(Pending other) {
    return app.id().equals(other.app.id()) && app.vendor() == other.app.vendor() && format == other.format
        && command.equals(other.command);
  }
}
