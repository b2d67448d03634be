package io.parley.server.callback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded After queue. {@link #offer} never waits (it takes a lock held only for short, bounded work) and refuses
 * when full; {@link #take} waits for a callback and takes, with it, later ones of the same app and command up to the
 * command's batch size (looking at most {@value #SCAN_LIMIT} entries ahead).
 */
final class PendingQueue {
  static final int SCAN_LIMIT = 1_000;

  private final int capacity;
  private final ArrayDeque<Pending> items = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  PendingQueue(int capacity) {
    this.capacity = capacity;
  }

  /** Adds the callback at the tail; false (and nothing added) when the queue holds {@code capacity} already. */
  boolean offer(Pending p) {
    lock.lock();
    try {
      if (items.size() >= capacity) {
        return false;
      }
      items.addLast(p);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The oldest callback and the ones that may travel with it, in queue order; waits while the queue is empty. */
  List<Pending> take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (items.isEmpty()) {
        notEmpty.await();
      }
      Pending head = items.pollFirst();
      int max = head.format().maxBatch(head.command());
      if (max <= 1) {
        return List.of(head);
      }
      List<Pending> batch = new ArrayList<>();
      batch.add(head);
      int looked = 0;
      for (Iterator<Pending> it = items.iterator(); it.hasNext() && batch.size() < max && looked < SCAN_LIMIT; looked++) {
        Pending p = it.next();
        if (p.batchesWith(head)) {
          batch.add(p);
          it.remove();
        }
      }
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Removes and returns everything still queued. */
  List<Pending> drain() {
    lock.lock();
    try {
      List<Pending> all = new ArrayList<>(items);
      items.clear();
      return all;
    } finally {
      lock.unlock();
    }
  }

  int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }
}
