package io.parley.bench;

import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley-bench jmh}: runs the micro-benchmarks in io.parley.bench.jmh through JMH's Runner and prints its table. */
@Command(name = "jmh", mixinStandardHelpOptions = true,
    description = "Run the JMH micro-benchmarks (codec, UserSig, store). Defaults keep a full run under 3 minutes.")
public final class JmhCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "REGEX",
      description = "benchmarks to run, as regexes on their names (default: all of io.parley.bench.jmh)")
  List<String> includes;
  @Option(names = {"-l", "--list"}, description = "list the benchmarks the regexes select, and exit") boolean list;
  @Option(names = {"-f", "--forks"}, defaultValue = "1", description = "JVM forks per benchmark (default ${DEFAULT-VALUE})") int forks;
  @Option(names = {"-wi", "--warmup-iterations"}, defaultValue = "2", description = "warmup iterations (default ${DEFAULT-VALUE})") int warmupIterations;
  @Option(names = {"-w", "--warmup-time"}, defaultValue = "1", description = "seconds per warmup iteration (default ${DEFAULT-VALUE})") int warmupSeconds;
  @Option(names = {"-i", "--iterations"}, defaultValue = "3", description = "measurement iterations (default ${DEFAULT-VALUE})") int iterations;
  @Option(names = {"-r", "--time"}, defaultValue = "1", description = "seconds per measurement iteration (default ${DEFAULT-VALUE})") int seconds;
  @Option(names = {"-p", "--param"}, description = "override a @Param, e.g. -p batch=16 -p sync=NONE") List<String> params;
  @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JMH JSON to FILE") String json;

  @Override
  public Integer call() throws RunnerException {
    ChainedOptionsBuilder opts = new OptionsBuilder()
        .forks(forks)
        .warmupIterations(warmupIterations)
        .warmupTime(TimeValue.seconds(warmupSeconds))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(seconds));
    if (includes == null || includes.isEmpty()) {
      opts.include("io\\.parley\\.bench\\.jmh\\.");
    } else {
      includes.forEach(opts::include);
    }
    if (params != null) {
      for (String p : params) {
        int eq = p.indexOf('=');
        if (eq <= 0) {
          System.err.println("parley-bench: --param wants NAME=VALUE[,VALUE...], got \"" + p + "\"");
          return 2;
        }
        opts.param(p.substring(0, eq), p.substring(eq + 1).split(","));
      }
    }
    if (json != null) {
      opts.result(json).resultFormat(ResultFormatType.JSON);
    }
    Runner runner = new Runner(opts.build());
    if (list) {
      runner.list();
      return 0;
    }
    return runner.run().isEmpty() ? 1 : 0;
  }
}
