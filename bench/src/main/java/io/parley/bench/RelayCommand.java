package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley-bench relay}: runs the raw relay until the process is stopped. */
@Command(name = "relay", mixinStandardHelpOptions = true,
    description = "The machine's ceiling: a raw relay on Parley's TCP framing (no auth, no store, no timelines).")
public final class RelayCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "0", description = "TCP port (0: a free one; default ${DEFAULT-VALUE})") int port;
  @Option(names = "--bind", defaultValue = "127.0.0.1", description = "bind address (default ${DEFAULT-VALUE})") String bind;
  @Option(names = "--ports-file", description = "write {tcp, bind, pid, transport, jvmArgs, java} here once bound") Path portsFile;
  @Option(names = "--exit-with-stdin", hidden = true,
      description = "exit when stdin closes (a scenario started this relay and has gone)") boolean exitWithStdin;

  @Override
  public Integer call() throws Exception {
    Relay relay = Relay.start(bind, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      relay.close();
      stopped.countDown();
    }, "relay-shutdown"));
    if (exitWithStdin) {
      exitWhenStdinCloses();
    }
    if (portsFile != null) {
      writePortsFile(relay.port());
    }
    System.out.printf("relay listening on %s:%d (%s); stop with Ctrl-C%n", bind, relay.port(), Relay.epoll() ? "epoll" : "nio");
    stopped.await();
    return 0;
  }

  /** What a scenario needs to reach and describe this relay, written atomically. */
  private void writePortsFile(int bound) throws IOException {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("tcp", bound);
    n.put("bind", bind);
    n.put("pid", ProcessHandle.current().pid());
    n.put("transport", Relay.epoll() ? "epoll" : "nio");
    n.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    n.put("java", System.getProperty("java.version"));
    Path tmp = portsFile.resolveSibling(portsFile.getFileName() + ".tmp");
    Files.writeString(tmp, n + "\n");
    Files.move(tmp, portsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A scenario that started this relay holds its stdin: end of file means that scenario is gone, even if killed. */
  private static void exitWhenStdinCloses() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // Nothing is sent on stdin; only its end matters.
        }
      } catch (IOException e) {
        // Treated as a closed stdin.
      }
      System.exit(0);
    }, "relay-stdin");
    t.setDaemon(true);
    t.start();
  }
}
