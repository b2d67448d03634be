package io.parley.server;

import io.parley.server.cli.ServeCommand;
import io.parley.server.config.ConfigException;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of {@code parley-server.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Netty's leak detector records a stack trace for one buffer allocation in 128: a debugging aid that cost ~1 %
    // of the server's CPU under load. The tests keep it on; -Dio.netty.leakDetection.level=simple turns it back on.
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      System.setProperty("io.netty.leakDetection.level", "disabled");
    }
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the command line; returns the exit code (2 for a bad config or a port in use). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new ServeCommand(out));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (e instanceof ConfigException ce) {
        cmd.getErr().println("parley-server: config error: " + ce.getMessage());
        return 2;
      }
      if (isPortInUse(e)) {
        cmd.getErr().println("parley-server: cannot listen: a port is already in use"
            + " (is another Parley running? pick other ports with --tcp-port etc., or 0 for free ones)");
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }

  /** Epoll reports a taken port as its own IOException, NIO as a BindException: both mean the same. */
  private static boolean isPortInUse(Throwable e) {
    return e instanceof java.net.BindException
        || e instanceof java.io.IOException && e.getMessage() != null && e.getMessage().contains("Address already in use");
  }
}
