package io.parley.server.vendor.rongcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Rongcloud message UIDs made from server msg ids")
class RongcloudMessageUidTest {
  @Test
  @DisplayName("every id gets the vendor's shape, is read back to itself, and neighbouring ids do not collide")
  void shapeAndRoundTrip() {
    Random r = new Random(7);
    Set<String> seen = new HashSet<>();
    long base = (System.currentTimeMillis() << 16);
    for (long id : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertEquals(OptionalLong.of(id), RongcloudMessageUid.parse(RongcloudMessageUid.of(id)));
    }
    for (int i = 0; i < 10_000; i++) {
      long id = i % 2 == 0 ? base + i : r.nextLong();
      String uid = RongcloudMessageUid.of(id);
      assertTrue(uid.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), uid);
      assertEquals(OptionalLong.of(id), RongcloudMessageUid.parse(uid));
      assertTrue(seen.add(uid), "unique: " + uid);
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "CLU2-NFGR-CQ82-O4IS", "clu2-nfgr-cq82-o4is", "CLU2NFGRCQ82O4IS", "ZZZZ-ZZZZ-ZZZZ-ZZZZ"})
  @DisplayName("text that is not a UID this server made is read as none")
  void notOurs(String text) {
    assertEquals(OptionalLong.empty(), RongcloudMessageUid.parse(text));
  }
}
