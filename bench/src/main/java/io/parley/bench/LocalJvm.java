package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JVM on this machine, known by its pid: its resident memory from /proc and a full GC through jcmd. */
final class LocalJvm {
  private final long pid;

  LocalJvm(long pid) {
    this.pid = pid;
  }

  long pid() {
    return pid;
  }

  /** Resident set size of the process in bytes, or -1 when /proc is not readable. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * The RSS once it stops moving: right after a full GC, G1 returns freed heap to the OS concurrently, so a reading
   * taken at once can still count memory that is on its way out. Reads every 200 ms until two readings agree within
   * 1 % (at most 3 s), and returns the last one; -1 when /proc is not readable.
   */
  long settledRssBytes() throws InterruptedException {
    long last = rssBytes();
    for (int i = 0; i < 15 && last >= 0; i++) {
      Thread.sleep(200);
      long now = rssBytes();
      if (Math.abs(now - last) <= last / 100) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** Asks the JVM for a full GC, so that heap figures show live data only. */
  void fullGc() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    p.waitFor();
  }
}
