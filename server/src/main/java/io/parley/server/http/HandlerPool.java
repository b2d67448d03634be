package io.parley.server.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded executor for HTTP handlers: fixed daemon threads, a fixed queue, and refusal (a 503) when both are full. */
public final class HandlerPool {
  private HandlerPool() {}

  /**
   * @param name thread name prefix: threads are {@code name-1}, {@code name-2}, …
   * @param queued requests that may wait for a thread; 0 means none wait
   */
  public static ExecutorService create(String name, int threads, int queued) {
    AtomicInteger n = new AtomicInteger();
    BlockingQueue<Runnable> queue = queued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queued);
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, queue, r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }
}
