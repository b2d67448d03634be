package io.parley.client.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The process-wide defaults every client shares unless the app supplies its own: one event loop
 * group (epoll when available, NIO otherwise) and one pool for callbacks. Both are created on first
 * use and run on daemon threads, so they never keep the JVM alive.
 */
public final class SharedResources {
  private SharedResources() {}

  private static final class EventLoops {
    static final EventLoopGroup GROUP = create();

    private static EventLoopGroup create() {
      IoHandlerFactory io = Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
      int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
      return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("parley-io", true), io);
    }
  }

  private static final class Callbacks {
    /**
     * Threads are started on demand up to the cap and stop after 30 s idle; beyond the cap tasks
     * queue. The cap keeps thousands of busy clients from starting thousands of threads, and is high
     * enough that listeners blocking on a send's future do not starve the completions they wait for.
     */
    static final ExecutorService POOL = create();

    private static ExecutorService create() {
      int cap = Math.max(64, 8 * Runtime.getRuntime().availableProcessors());
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              cap, cap, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new DefaultThreadFactory("parley-callback", true));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  /** The event loop group clients use when the app supplies none. */
  public static EventLoopGroup eventLoopGroup() {
    return EventLoops.GROUP;
  }

  /** The pool that runs listener callbacks and completes futures, off every event loop. */
  public static ExecutorService callbackPool() {
    return Callbacks.POOL;
  }
}
