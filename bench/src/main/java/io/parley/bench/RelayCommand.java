package io.parley.bench;

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
  @Option(names = "--ports-file", description = "write {tcp, bind, pid} here once bound") Path portsFile;

  @Override
  public Integer call() throws Exception {
    Relay relay = Relay.start(bind, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      relay.close();
      stopped.countDown();
    }, "relay-shutdown"));
    if (portsFile != null) {
      String json = "{\"tcp\":" + relay.port() + ",\"bind\":\"" + bind + "\",\"pid\":" + ProcessHandle.current().pid() + "}\n";
      Path tmp = portsFile.resolveSibling(portsFile.getFileName() + ".tmp");
      Files.writeString(tmp, json);
      Files.move(tmp, portsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    System.out.printf("relay listening on %s:%d (%s); stop with Ctrl-C%n", bind, relay.port(), Relay.epoll() ? "epoll" : "nio");
    stopped.await();
    return 0;
  }
}
