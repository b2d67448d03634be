package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A local JVM's CPU time from /proc")
class LocalJvmTest {
  @Test
  @DisplayName("utime and stime are read after the command name, even one holding spaces and parentheses")
  void cpuTicksOfAStatLine() {
    String stat = "4242 (java (worker) 1) S 1 4242 4242 0 -1 4194560 1234 0 5 0 731 269 0 0 20 0 41 0 100 "
        + "9812268 1860000 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0 0 0 0";
    assertEquals(731 + 269, LocalJvm.cpuTicks(stat));
  }

  @Test
  @DisplayName("this process's own CPU time is readable, and a process that is gone has none")
  void ownCpuTicks() throws Exception {
    assertTrue(new LocalJvm(ProcessHandle.current().pid()).cpuTicks() >= 0);
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    assertEquals(-1, new LocalJvm(p.pid()).cpuTicks());
  }
}
