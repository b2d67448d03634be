package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/** The connect scenario's sessions against one target: logged in here or in worker processes, and held until closed. */
final class SessionWave implements AutoCloseable {
  /**
   * How many sessions log in, how (storm or ramp at {@code rate}/s, {@code concurrency} at once), in how many processes,
   * and how many throwaway sessions the client processes log in and out first ({@code warmup}, shared among them).
   */
  record Plan(int sessions, String mode, int rate, int concurrency, int workers, int warmup) {}

  /** What runs once every client process has warmed up and is ready, right before the measured wave starts. */
  @FunctionalInterface
  interface BeforeGo {
    void run() throws Exception;
  }

  private final ConnectLoad local;
  private final Workers children;
  private ConnectLoad.Logins logins;

  private SessionWave(ConnectLoad local, Workers children) {
    this.local = local;
    this.children = children;
  }

  /** Logs every session of {@code plan} in to {@code target} as users {@code <run>-<i>}; they stay online until {@link #close()}. */
  static SessionWave login(Target target, String run, Plan plan, BeforeGo beforeGo) throws Exception {
    SessionWave wave = plan.workers() <= 1
        ? new SessionWave(new ConnectLoad(target, null, run, 0, plan.sessions()), null)
        : new SessionWave(null, Workers.launch(workerArgs(target, run, plan)));
    try {
      wave.logins = wave.run(plan, beforeGo);
    } catch (Exception | Error e) {
      wave.close();
      throw e;
    }
    return wave;
  }

  /** What the login wave measured. */
  ConnectLoad.Logins logins() {
    return logins;
  }

  private ConnectLoad.Logins run(Plan plan, BeforeGo beforeGo) throws Exception {
    if (local != null) {
      local.warmUp(plan.warmup(), plan.concurrency());
      local.prepare();
      beforeGo.run();
      return local.login(plan.mode(), plan.rate(), plan.concurrency());
    }
    children.awaitReady(300);
    beforeGo.run();
    System.err.printf("%d workers ready; go%n", plan.workers());
    children.go();
    return merge(children.awaitResults(400));
  }

  private static List<List<String>> workerArgs(Target target, String run, Plan plan) {
    List<List<String>> args = new ArrayList<>();
    int w = plan.workers();
    for (int k = 0; k < w; k++) {
      List<String> a = new ArrayList<>(target.args());
      a.addAll(List.of("--scenario", "connect", "--local-address", Workers.sourceAddress(k), "--run", run,
          "--first", Integer.toString(Workers.firstOf(plan.sessions(), w, k)),
          "--count", Integer.toString(Workers.share(plan.sessions(), w, k)), "--mode", plan.mode(),
          "--rate", Integer.toString(Math.max(1, Workers.share(plan.rate(), w, k))),
          "--concurrency", Integer.toString(Math.max(1, Workers.share(plan.concurrency(), w, k))),
          "--warmup-sessions", Integer.toString(Workers.share(plan.warmup(), w, k))));
      args.add(a);
    }
    return args;
  }

  /** The storm's wall time is the slowest worker's; failures and latencies add up. */
  private static ConnectLoad.Logins merge(List<JsonNode> results) {
    int n = 0;
    long failed = 0;
    double seconds = 0;
    List<Histogram> latency = new ArrayList<>();
    for (JsonNode r : results) {
      n += r.get("sessions").asInt();
      failed += r.get("failed").asLong();
      seconds = Math.max(seconds, r.get("seconds").asDouble());
      latency.add(HistogramCodec.decode(r.get("latency").asText()));
    }
    return new ConnectLoad.Logins(n, seconds, failed, HistogramCodec.merge(latency));
  }

  /** Logs every session out (a worker closes its own and exits). */
  @Override
  public void close() {
    if (local != null) {
      local.close();
    }
    if (children != null) {
      children.close();
    }
  }
}
