package io.parley.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: each client gets its own
 * logical callback thread without owning an OS thread while it has nothing to do.
 */
final class SerialExecutor implements Executor {
  private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

  private final Executor pool;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  SerialExecutor(Executor pool) {
    this.pool = pool;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (running.compareAndSet(false, true)) {
      pool.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (Throwable t) {
          LOG.log(System.Logger.Level.WARNING, "Parley callback threw", t);
        }
      }
      running.set(false);
      if (tasks.isEmpty() || !running.compareAndSet(false, true)) {
        return;
      }
    }
  }
}
