package io.parley.client.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
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
    static final ExecutorService POOL =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new DefaultThreadFactory("parley-callback", true));
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
