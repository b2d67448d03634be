package io.parley.bench;

import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The relay's only state: each user's current connection and timeline seq counter, plus a message id counter. */
final class RelayState {
  private final ConcurrentHashMap<String, Recipient> users = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong();

  Recipient user(String userId) {
    return users.computeIfAbsent(userId, id -> new Recipient());
  }

  long nextMessageId() {
    return messageIds.incrementAndGet();
  }

  /** One user: the connection pushes go to and the last seq handed out. Guarded by itself. */
  static final class Recipient {
    private Channel channel;
    private long seq;

    synchronized void attach(Channel ch) {
      channel = ch;
    }

    synchronized void detach(Channel ch) {
      if (channel == ch) {
        channel = null;
      }
    }

    synchronized long newestSeq() {
      return seq;
    }

    /**
     * Hands out the next seq and writes what {@code push} builds from it, under the lock so that
     * writes reach the channel in seq order; a user with no connection gets nothing (and no seq).
     */
    synchronized void deliver(java.util.function.LongFunction<Object> push) {
      if (channel == null || !channel.isActive()) {
        return;
      }
      channel.writeAndFlush(push.apply(++seq), channel.voidPromise());
    }
  }
}
