package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The group scenario's arithmetic")
class GroupFiguresTest {
  @Test
  @DisplayName("options that can run pass; each impossible one is named, including a worker past its socket budget")
  void optionChecks() {
    assertNull(GroupFigures.invalid(100_000, 15_000, 1, 3, 100, 20));
    assertNull(GroupFigures.invalid(2, 1, 1, 1, 1, 1));
    assertEquals("--members must be at least 2", GroupFigures.invalid(1, 1, 1, 1, 1, 1));
    assertEquals("--online must be between 1 and --members", GroupFigures.invalid(10, 11, 1, 1, 1, 1));
    assertEquals("--online must be between 1 and --members", GroupFigures.invalid(10, 0, 1, 1, 1, 1));
    assertEquals("--workers must be between 1 and 8, and at most --online", GroupFigures.invalid(10, 10, 9, 1, 1, 1));
    assertEquals("--workers must be between 1 and 8, and at most --online", GroupFigures.invalid(10, 2, 3, 1, 1, 1));
    assertTrue(GroupFigures.invalid(100_000, 20_000, 1, 3, 100, 20).contains("raise --workers"));
    assertNull(GroupFigures.invalid(100_000, 20_000, 2, 3, 100, 20), "two workers of 10,000 each");
    assertEquals("--senders must be between 1 and --members", GroupFigures.invalid(10, 10, 1, 11, 1, 1));
    assertEquals("--rate and --duration must be at least 1", GroupFigures.invalid(10, 10, 1, 1, 0, 1));
    assertEquals("--rate and --duration must be at least 1", GroupFigures.invalid(10, 10, 1, 1, 1, 0));
  }

  @Test
  @DisplayName("online members are the first or the last ones; the offline sample skips them and the senders")
  void whoIsOnlineAndWhoCatchesUp() {
    assertEquals(0, GroupFigures.firstOnline(100, 30, false));
    assertEquals(70, GroupFigures.firstOnline(100, 30, true));
    assertEquals(List.of(30, 31, 32), GroupFigures.offline(100, 30, 3, false, 3));
    assertEquals(List.of(3, 4, 5), GroupFigures.offline(100, 30, 3, true, 3), "m0-m2 send, m70-m99 are online");
    assertEquals(List.of(3, 4), GroupFigures.offline(100, 2, 3, false, 2), "senders beyond the online ones are skipped");
    assertEquals(List.of(8, 9), GroupFigures.offline(10, 8, 1, false, 5), "no more than there are");
    assertEquals(List.of(), GroupFigures.offline(10, 10, 1, false, 5), "everyone online");
    assertEquals(List.of(), GroupFigures.offline(10, 7, 3, true, 5), "the rest are senders");
  }

  @Test
  @DisplayName("store growth is divided by members times messages, and there is no figure without messages")
  void bytesPerMemberPerMessage() {
    assertEquals(2.5, GroupFigures.bytesPerMemberPerMessage(1_000, 6_000, 100, 20), 1e-12);
    assertEquals(-0.5, GroupFigures.bytesPerMemberPerMessage(2_000, 1_000, 100, 20), 1e-12,
        "a store that shrank (a compaction) says so instead of hiding it");
    assertTrue(Double.isNaN(GroupFigures.bytesPerMemberPerMessage(0, 10, 100, 0)));
    assertTrue(Double.isNaN(GroupFigures.bytesPerMemberPerMessage(0, 10, 0, 5)));
  }

  @Test
  @DisplayName("the workers' arrivals of a message are summed, and its last arrival is the latest of theirs")
  void mergeArrivals() {
    Map<String, GroupFigures.Arrivals> merged = GroupFigures.merge(List.of(
        Map.of("a", new GroupFigures.Arrivals(3, 100), "b", new GroupFigures.Arrivals(1, 50)),
        Map.of("a", new GroupFigures.Arrivals(2, 90), "c", new GroupFigures.Arrivals(4, 70))));
    assertEquals(Map.of("a", new GroupFigures.Arrivals(5, 100), "b", new GroupFigures.Arrivals(1, 50),
        "c", new GroupFigures.Arrivals(4, 70)), merged);
  }

  @Test
  @DisplayName("a directory's size is the bytes of the regular files under it, and a missing directory has none")
  void directoryBytes(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a.sst"), new byte[1_000]);
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("sub").resolve("b.log"), new byte[234]);
    assertEquals(1_234, GroupFigures.directoryBytes(dir));
    assertEquals(0, GroupFigures.directoryBytes(dir.resolve("absent")));
  }
}
