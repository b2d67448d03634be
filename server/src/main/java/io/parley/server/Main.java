package io.parley.server;

import io.parley.server.cli.ServeCommand;
import io.parley.server.config.ConfigException;
import picocli.CommandLine;

/** Entry point of {@code parley-server.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ServeCommand(System.out));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException ce) {
        cmd.getErr().println("parley-server: config error: " + ce.getMessage());
        return 2;
      }
      if (e instanceof java.net.BindException be) {
        cmd.getErr().println("parley-server: cannot listen: " + be.getMessage()
            + " (is another Parley running? pick other ports with --tcp-port etc., or 0 for free ones)");
        return 2;
      }
      throw e;
    });
    int code = cli.execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
