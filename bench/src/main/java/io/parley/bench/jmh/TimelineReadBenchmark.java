package io.parley.bench.jmh;

import com.google.protobuf.ByteString;
import io.parley.protocol.v1.TimelineEntry;
import io.parley.server.config.Sandbox;
import io.parley.server.messaging.C2cAppends;
import io.parley.server.store.CommitListener;
import io.parley.server.store.Store;
import io.parley.server.store.StoreOptions;
import io.parley.server.store.SyncPolicy;
import io.parley.server.sync.C2cFanOut;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Timeline reads of a user with 10,000 entries: one page of 200 after a random seq, and all of it in pages. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TimelineReadBenchmark {
  static final int ENTRIES = 10_000;
  static final int PAGE = 200;
  static final String USER = "bob";

  private Path dir;
  private Store store;

  @Setup(Level.Trial)
  public void fill() {
    dir = TempDirs.create("parley-jmh-timeline-");
    store = Store.open(dir, StoreOptions.defaults().withSyncPolicy(SyncPolicy.NONE), CommitListener.NONE);
    ByteString content = ByteString.copyFrom(new byte[100]);
    for (int done = 0; done < ENTRIES; done += 250) {
      CompletableFuture<?>[] round = new CompletableFuture<?>[250];
      for (int i = 0; i < round.length; i++) {
        round[i] = store.writer().append(C2cAppends.of(Sandbox.TENCENT_APP_ID, "alice", "phone", USER,
            "m-" + (done + i), "text", content, List.of(), "", C2cFanOut.BOTH));
      }
      CompletableFuture.allOf(round).join();
    }
    if (store.newestSeq(Sandbox.TENCENT_APP_ID, USER) != ENTRIES) {
      throw new IllegalStateException("timeline holds " + store.newestSeq(Sandbox.TENCENT_APP_ID, USER) + " entries");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    TempDirs.closeAndDelete(store, dir);
  }

  /** A full page: the random seq leaves at least 200 entries after it. */
  @Benchmark
  public List<TimelineEntry> readPage() {
    long after = ThreadLocalRandom.current().nextLong(ENTRIES - PAGE + 1);
    return store.readTimeline(Sandbox.TENCENT_APP_ID, USER, after, PAGE);
  }

  /** The whole timeline, 50 pages of 200, as a device catching up from zero would pull it. */
  @Benchmark
  public long readAll() {
    long after = 0;
    long read = 0;
    while (true) {
      List<TimelineEntry> page = store.readTimeline(Sandbox.TENCENT_APP_ID, USER, after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      read += page.size();
      after = page.get(page.size() - 1).getSeq();
    }
    if (read != ENTRIES) {
      throw new IllegalStateException("read " + read + " entries, expected " + ENTRIES);
    }
    return read;
  }
}
