package io.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the relay child processes of this JVM, for tests that check that none is left behind. */
final class RelayChildren {
  private RelayChildren() {}

  /** Command lines of the live descendants of this JVM that run the relay subcommand. */
  static List<String> alive() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .map(p -> commandLine(p.pid()))
        .filter(c -> c.contains(BenchMain.class.getName() + " relay "))
        .toList();
  }

  /** The whole command line from /proc (ProcessHandle.Info cuts it at 4 KiB, and the test classpath is longer). */
  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return ""; // gone meanwhile
    }
  }
}
