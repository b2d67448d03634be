package io.parley.server.gateway;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The blocking work of client requests, in two lanes of their own so that one cannot starve the other: logins
 * (credential checks, account reads, the newest-seq read) and timeline reads (pulls, backlog catch-up). A
 * connection has only a few reads queued at a time ({@link InboundPacer}), so no client fills the read lane either.
 */
public record RequestLanes(ExecutorService logins, ExecutorService reads) implements AutoCloseable {

  /** Two bounded pools sized for this machine. */
  public static RequestLanes create() {
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    return new RequestLanes(pool("parley-login-", threads), pool("parley-read-", threads));
  }

  private static ExecutorService pool(String prefix, int threads) {
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(65_536), r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  /** Stops both lanes, letting queued work finish for up to five seconds. */
  @Override
  public void close() {
    logins.shutdown();
    reads.shutdown();
    try {
      logins.awaitTermination(5, TimeUnit.SECONDS);
      reads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
