package io.parley.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TimeOrderedIds: client message ids as version 7 UUIDs")
class TimeOrderedIdsTest {

  @Test
  @DisplayName("every id is a version 7, variant 2 UUID carrying the current Unix milliseconds")
  void version7WithTime() {
    long before = System.currentTimeMillis();
    UUID id = UUID.fromString(TimeOrderedIds.next());
    long after = System.currentTimeMillis();

    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    long millis = id.getMostSignificantBits() >>> 16;
    // A burst of over 4,096 ids in one millisecond (another test's) may have borrowed a few milliseconds ahead.
    assertTrue(millis >= before && millis <= after + 100, millis + " not in [" + before + ", " + after + " + 100]");
  }

  @Test
  @DisplayName("ids of one process increase strictly, as strings too, even many in one millisecond")
  void strictlyIncreasing() {
    Set<String> seen = new HashSet<>();
    String previous = TimeOrderedIds.next();
    for (int i = 0; i < 100_000; i++) {
      String next = TimeOrderedIds.next();
      assertTrue(next.compareTo(previous) > 0, next + " after " + previous);
      assertTrue(seen.add(next));
      previous = next;
    }
  }
}
