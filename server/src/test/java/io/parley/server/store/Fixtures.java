package io.parley.server.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.Message;
import io.parley.protocol.v1.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.rocksdb.RocksDBException;

/** Shared helpers for store tests. */
final class Fixtures {

  static final String APP = "1400000000";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Fixtures() {
  }

  /** A text message from {@code from}'s phone into both parties' timelines (one entry for a message to oneself). */
  static AppendRequest request(String from, String to, String clientMsgId) {
    return request(from, to, clientMsgId, from.equals(to) ? List.of(from) : List.of(from, to));
  }

  /** The same message into the listed timelines only. */
  static AppendRequest request(String from, String to, String clientMsgId, List<String> timelines) {
    Message message = Message.newBuilder().setClientMsgId(clientMsgId).setFromUserId(from).setToUserId(to)
        .setContentType("text").setContent(ByteString.copyFromUtf8("hello " + to + " from " + from + " #" + clientMsgId))
        .setFromDeviceId(from + "-phone").build();
    return request(from, to, message, timelines);
  }

  /** {@code message} from {@code from} in the conversation with {@code to}, into the listed timelines. */
  static AppendRequest request(String from, String to, Message message, List<String> timelines) {
    return new AppendRequest(APP, Conversation.c2c(from, to), from, new Event.NewMessage(message),
        message.getClientMsgId(), timelines);
  }

  /** The request's recipient: the sender's peer in the conversation. */
  static String recipient(AppendResult r) {
    return ((Conversation.C2c) r.request().conversation()).peerOf(r.request().senderId());
  }

  /** The seq of the entry in the sender's timeline; 0 when none. */
  static long senderSeq(AppendResult r) {
    return r.seqOf(r.request().senderId());
  }

  /** The seq of the entry in the recipient's timeline (the sender's own for a message to oneself); 0 when none. */
  static long recipientSeq(AppendResult r) {
    return r.seqOf(recipient(r));
  }

  /** The entry the append made in the sender's timeline, as a read returns it; null when none. */
  static TimelineEntry senderEntry(AppendResult r) {
    return entryOf(r, r.request().senderId());
  }

  /** The entry the append made in the recipient's timeline, as a read returns it; null when none. */
  static TimelineEntry recipientEntry(AppendResult r) {
    return entryOf(r, recipient(r));
  }

  private static TimelineEntry entryOf(AppendResult r, String userId) {
    long seq = r.seqOf(userId);
    return seq == 0 || r.message() == null ? null
        : TimelineEntry.newBuilder().setSeq(seq).setMessage(r.message()).build();
  }

  /** Wraps the store's sink so that its {@code failing}-th write (counted in {@code writes}, from 1) throws. */
  static UnaryOperator<BatchSink> failingWrite(AtomicInteger writes, int failing) {
    return sink -> (batch, sync) -> {
      if (writes.incrementAndGet() == failing) {
        throw new RocksDBException("injected failure");
      }
      sink.write(batch, sync);
    };
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("future did not complete normally", e);
    }
  }

  static <T> List<T> awaitAll(List<CompletableFuture<T>> futures) {
    List<T> out = new ArrayList<>(futures.size());
    for (CompletableFuture<T> future : futures) {
      out.add(await(future));
    }
    return out;
  }

  /**
   * A listener that records batches and, until opened, holds one store thread inside the first batch: the writer
   * (just after the batch is written, when opened with {@code Store.open(dir, options, gate, gate::wrap)}) or the
   * completer (inside the listener).
   */
  static final class Gate implements CommitListener {
    final List<List<AppendResult>> batches = new CopyOnWriteArrayList<>();
    private final boolean holdWriter;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch open = new CountDownLatch(1);

    private Gate(boolean holdWriter) {
      this.holdWriter = holdWriter;
    }

    /** Holds the writer thread; open the store with {@code gate::wrap}. */
    static Gate holdingWriter() {
      return new Gate(true);
    }

    /** Holds the completer thread inside the listener; the writer goes on. */
    static Gate holdingCompleter() {
      return new Gate(false);
    }

    BatchSink wrap(BatchSink sink) {
      return (batch, sync) -> {
        sink.write(batch, sync);
        if (holdWriter) {
          hold();
        }
      };
    }

    @Override
    public void committed(List<AppendResult> batch) {
      batches.add(batch);
      if (!holdWriter) {
        hold();
      }
    }

    private void hold() {
      entered.countDown();
      try {
        // Bounded so that a failing test cannot hang close() forever.
        open.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits until the held thread is inside the first batch. */
    void awaitHeld() throws InterruptedException {
      assertTrue(entered.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "store thread never reached the gate");
    }

    void open() {
      open.countDown();
    }
  }
}
