package io.parley.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** Whether a scenario also runs its load against the raw relay (the machine's ceiling), and the relay child's JVM flags. */
public final class CeilingOptions {
  /** What a report says about the ceiling when {@code --no-ceiling} skipped it. */
  static final String SKIPPED = "skipped (--no-ceiling)";
  /** What a report says about the ceiling when it was measured. */
  static final String MEASURED = "raw relay in a child process (same framing; no auth, store or timelines), same load, same run";

  @Option(names = "--no-ceiling", description = "skip the run against the raw relay that gives the machine's ceiling")
  boolean skip;
  @Option(names = "--relay-jvm-args", defaultValue = "",
      description = "JVM flags of the relay's child process, e.g. --relay-jvm-args='-Xmx1g -XX:+AlwaysPreTouch' (default: none)")
  String relayJvmArgs;

  boolean enabled() {
    return !skip;
  }

  /** Starts the relay child with the given flags. */
  RelayProcess startRelay() throws IOException, InterruptedException {
    List<String> flags = Arrays.stream(relayJvmArgs.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    return RelayProcess.start(flags);
  }
}
