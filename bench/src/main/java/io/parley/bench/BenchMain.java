package io.parley.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of {@code parley-bench.jar}: a command-line client and load scenarios. */
@Command(name = "parley-bench", mixinStandardHelpOptions = true, version = "parley-bench 0.1.0",
    description = "A command-line Parley client (send, listen) and load scenarios (c2c, connect) and the raw relay that gives the ceiling.",
    subcommands = {SendCommand.class, ListenCommand.class, C2cScenario.class, ConnectScenario.class, RelayCommand.class, CeilingScenario.class, OfflineSyncScenario.class, ReconnectStormScenario.class})
public final class BenchMain implements Runnable {
  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
