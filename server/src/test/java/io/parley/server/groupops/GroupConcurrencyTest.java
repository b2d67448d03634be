package io.parley.server.groupops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.protocol.v1.GroupTipType;
import io.parley.server.group.GroupCodes;
import io.parley.server.group.GroupOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GroupConcurrencyTest extends GroupsFixture {

  @Test
  @DisplayName("racing applications never pass the member limit, and each join has exactly one tip")
  void racingJoinsHoldTheLimit() throws Exception {
    group(TENCENT, "g", "tencent.Community", GroupOptions.DEFAULTS.withMemberLimit(10), "o");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String user = "u" + i;
        results.add(pool.submit(() -> {
          try {
            service.apply(TENCENT, user, "g", "");
            return 0;
          } catch (GroupRefused e) {
            return e.code();
          }
        }));
      }
      int joined = 0;
      for (Future<Integer> f : results) {
        int code = f.get();
        if (code == 0) {
          joined++;
        } else {
          assertEquals(GroupCodes.MEMBER_LIMIT_REACHED, code);
        }
      }
      assertEquals(9, joined);
      assertEquals(10, groups.memberCount(TENCENT, "g"));
      assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 10), events.tipsOf(GroupTipType.GROUP_TIP_JOINED).stream()
          .map(t -> t.getMemberCount()).toList(), "one tip per join, in the order of the joins");
    } finally {
      pool.shutdownNow();
    }
  }
}
