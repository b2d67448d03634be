package io.parley.bench.jmh;

import com.google.protobuf.ByteString;
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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Store append throughput when a caller issues {@code batch} appends and then awaits them together, so the
 * group-commit writer sees up to {@code batch} at once. The primary score counts rounds; {@code :appends} counts
 * appends (rounds × batch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreAppendBenchmark {
  static final ByteString CONTENT = ByteString.copyFrom(new byte[100]);

  @Param({"FSYNC", "NONE"})
  public SyncPolicy sync;

  @Param({"1", "16", "256"})
  public int batch;

  private Path dir;
  private Store store;
  private long next;

  @Setup(Level.Trial)
  public void open() {
    dir = TempDirs.create("parley-jmh-append-");
    store = Store.open(dir, StoreOptions.defaults().withSyncPolicy(sync), CommitListener.NONE);
  }

  @TearDown(Level.Trial)
  public void close() {
    TempDirs.closeAndDelete(store, dir);
  }

  /** Appends per second, reported next to the rounds per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Appends {
    public long appends;
  }

  @Benchmark
  public Object appendRound(Appends counter) {
    CompletableFuture<?>[] pending = new CompletableFuture<?>[batch];
    for (int i = 0; i < batch; i++) {
      pending[i] = store.writer().append(C2cAppends.of(Sandbox.TENCENT_APP_ID, "alice", "phone", "bob",
          "m-" + next++, "text", CONTENT, List.of(), "", C2cFanOut.BOTH));
    }
    CompletableFuture.allOf(pending).join();
    counter.appends += batch;
    return pending[batch - 1].join();
  }
}
