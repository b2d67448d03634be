package io.parley.server.auth;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** A test executor that counts what is handed to the real executor it wraps. */
final class CountingExecutor implements Executor {
  private final Executor delegate;
  private final AtomicInteger submissions = new AtomicInteger();

  CountingExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  int submissions() {
    return submissions.get();
  }

  @Override
  public void execute(Runnable task) {
    submissions.incrementAndGet();
    delegate.execute(task);
  }
}
