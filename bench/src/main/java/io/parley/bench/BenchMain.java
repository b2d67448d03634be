package io.parley.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code parley-bench.jar}: a command-line client, load scenarios and micro-benchmarks. */
@Command(name = "parley-bench", mixinStandardHelpOptions = true, version = "parley-bench 0.1.0",
    description = "A command-line Parley client (send, listen), load scenarios (c2c, alias ceiling; connect; offline-sync;"
        + " reconnect-storm; group), the raw relay that gives the machine's ceiling, JMH micro-benchmarks (jmh) and HTML reports of"
        + " their JSON (report).",
    subcommands = {SendCommand.class, ListenCommand.class, C2cScenario.class, ConnectScenario.class,
        OfflineSyncScenario.class, ReconnectStormScenario.class, GroupScenario.class, RelayCommand.class,
        RestSendScenario.class, CallbackSinkCommand.class, JmhCommand.class, ReportCommand.class, WorkerCommand.class})
public final class BenchMain implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
