package io.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A JVM on this machine, known by its pid: its resident memory and CPU time from /proc and a full GC through jcmd. */
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

  /** CPU time the process has used (user and system), in clock ticks, or -1 when /proc is not readable. */
  long cpuTicks() {
    try {
      return cpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * The utime plus stime fields (14 and 15) of a {@code /proc/<pid>/stat} line. They are counted after the command
   * name's closing parenthesis, since the name itself may hold spaces and parentheses.
   */
  static long cpuTicks(String statLine) {
    String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
    // f[0] is field 3 (state), so field n is f[n - 3].
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * Waits until the process uses less than {@code idleShare} of one core over a {@code windowMs} window, at most
   * {@code maxMs}; returns the milliseconds waited, or -1 when /proc is not readable (after waiting one window).
   */
  long awaitIdle(double idleShare, long windowMs, long maxMs) throws InterruptedException {
    long t0 = System.nanoTime();
    long before = cpuTicks();
    do {
      Thread.sleep(windowMs);
      long now = cpuTicks();
      if (before < 0 || now < 0) {
        return -1;
      }
      if ((now - before) * 1000.0 / TICKS_PER_SECOND < idleShare * windowMs) {
        break;
      }
      before = now;
    } while ((System.nanoTime() - t0) / 1_000_000 < maxMs);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** USER_HZ: the unit of /proc's CPU times, 100 on every Linux this runs on. */
  static final int TICKS_PER_SECOND = 100;

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
