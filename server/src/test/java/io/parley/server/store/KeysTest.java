package io.parley.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Keys")
class KeysTest {

  @Test
  @DisplayName("timeline keys of one user sort by seq as numbers, not as text")
  void timelineKeysSortNumerically() {
    byte[] k255 = Keys.timeline("app", "alice", 255);
    byte[] k256 = Keys.timeline("app", "alice", 256);
    byte[] kBig = Keys.timeline("app", "alice", 1L << 40);
    assertTrue(Arrays.compareUnsigned(k255, k256) < 0);
    assertTrue(Arrays.compareUnsigned(k256, kBig) < 0);
    assertEquals(256, Keys.trailingNumber(k256));
    assertEquals(1L << 40, Keys.trailingNumber(kBig));
  }

  @Test
  @DisplayName("a user's prefix does not match a user whose id extends it")
  void prefixSelectsExactlyOneUser() {
    byte[] prefix = Keys.timelinePrefix("app", "al");
    assertTrue(Keys.startsWith(Keys.timeline("app", "al", 1), prefix));
    assertFalse(Keys.startsWith(Keys.timeline("app", "alice", 1), prefix));
    assertFalse(Keys.startsWith(Keys.timeline("app2", "al", 1), Keys.timelinePrefix("app", "al")));
    // All of "al"'s entries sort before any entry of "alice".
    assertTrue(Arrays.compareUnsigned(Keys.timeline("app", "al", -1L), Keys.timeline("app", "alice", 0)) < 0);
  }

  @Test
  @DisplayName("keys are the segments joined by 0x00 with an 8-byte big-endian number")
  void layout() {
    assertArrayEquals(new byte[] {'a', 0, 'u', 0, 0, 0, 0, 0, 0, 0, 1, 2}, Keys.timeline("a", "u", 0x0102));
    assertArrayEquals(new byte[] {'a', 0, 'u', 0, 'd', 0}, Keys.cursor("a", "u", "d"));
    assertArrayEquals(new byte[] {'a', 0, 'u', 0, 'm', 0}, Keys.dedup("a", "u", "m"));
  }

  @Test
  @DisplayName("a C2C message key is the same whichever user sent it")
  void c2cKeyIsSymmetric() {
    assertArrayEquals(Keys.c2cMessage("app", "bob", "alice", 7), Keys.c2cMessage("app", "alice", "bob", 7));
    byte[] key = Keys.c2cMessage("app", "bob", "alice", 7);
    assertArrayEquals(new byte[] {'a', 'p', 'p', 0, 'c', '2', 'c', 0, 'a', 'l', 'i', 'c', 'e', 0, 'b', 'o', 'b', 0,
        0, 0, 0, 0, 0, 0, 0, 7}, key);
  }

  static Stream<Named<String>> badIds() {
    return Stream.of(Named.of("null", null), Named.of("empty", ""), Named.of("U+0000 inside", "a\0b"),
        Named.of("U+0000 alone", "\0"), Named.of("U+0000 at the end", "ab\0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badIds")
  @DisplayName("an absent or empty id, or one containing U+0000, is rejected")
  void rejectsBadIds(String id) {
    assertThrows(IllegalArgumentException.class, () -> Keys.requireId("userId", id));
  }

  @Test
  @DisplayName("a well-formed id is returned as it is")
  void acceptsAGoodId() {
    assertEquals("ok", Keys.requireId("userId", "ok"));
  }

  @Test
  @DisplayName("numbers round-trip through the big-endian encoding")
  void longRoundTrip() {
    for (long v : new long[] {0, 1, 255, 256, Long.MAX_VALUE, -1L, System.currentTimeMillis() << 16}) {
      assertEquals(v, Keys.readLong(Keys.longBytes(v), 0));
    }
  }
}
