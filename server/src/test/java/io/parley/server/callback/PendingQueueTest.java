package io.parley.server.callback;

import static io.parley.server.support.CallbackFixtures.login;
import static io.parley.server.support.CallbackFixtures.message;
import static io.parley.server.support.CallbackFixtures.netease;
import static io.parley.server.support.CallbackFixtures.rongcloud;
import static io.parley.server.support.CallbackFixtures.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.server.app.App;
import io.parley.server.vendor.netease.NeteaseCallbacks;
import io.parley.server.vendor.rongcloud.RongcloudCallbacks;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The bounded After queue")
class PendingQueueTest {
  static final URI URL = URI.create("http://127.0.0.1:1/cb");
  final App rong = rongcloud(settings(URL), "secret");
  final App nim = netease(settings(URL));
  final RongcloudCallbacks rongFormat = new RongcloudCallbacks();
  final NeteaseCallbacks nimFormat = new NeteaseCallbacks();

  Pending status(String user) {
    return new Pending(rong, rongFormat, RongcloudCallbacks.ONLINE_STATUS, login(user));
  }

  @Test
  @DisplayName("offer refuses once the queue holds its capacity, and accepts again after a take")
  void bounded() throws Exception {
    PendingQueue q = new PendingQueue(2);
    Pending a = new Pending(nim, nimFormat, NeteaseCallbacks.LOGIN, login("a"));

    assertTrue(q.offer(a));
    assertTrue(q.offer(a));
    assertFalse(q.offer(a));
    assertEquals(2, q.size());
    q.take();
    assertTrue(q.offer(a));
  }

  @Test
  @DisplayName("a take brings along later callbacks of the same app and command, in order, and leaves the rest")
  void batches() throws Exception {
    PendingQueue q = new PendingQueue(10);
    Pending routed = new Pending(rong, rongFormat, RongcloudCallbacks.MESSAGE_ROUTING,
        message("{\"objectName\":\"RC:TxtMsg\",\"content\":{\"content\":\"hi\"}}"));
    q.offer(status("a"));
    q.offer(routed);
    q.offer(status("b"));
    q.offer(new Pending(nim, nimFormat, NeteaseCallbacks.LOGIN, login("c")));
    q.offer(status("d"));

    assertEquals(List.of(status("a"), status("b"), status("d")), q.take());
    assertEquals(List.of(routed), q.take());
    assertEquals(1, q.size());
  }

  @Test
  @DisplayName("a take never brings more than the command's batch size")
  void batchLimit() throws Exception {
    PendingQueue q = new PendingQueue(1_000);
    for (int i = 0; i < RongcloudCallbacks.MAX_STATUS_BATCH + 5; i++) {
      q.offer(status("u" + i));
    }

    assertEquals(RongcloudCallbacks.MAX_STATUS_BATCH, q.take().size());
    assertEquals(5, q.take().size());
  }

  @Test
  @DisplayName("callbacks of a command that does not batch go one by one")
  void noBatch() throws Exception {
    PendingQueue q = new PendingQueue(10);
    Pending p = new Pending(nim, nimFormat, NeteaseCallbacks.MESSAGE, message("{\"type\":0,\"body\":{\"msg\":\"hi\"}}"));
    q.offer(p);
    q.offer(p);

    assertEquals(1, q.take().size());
    assertEquals(1, q.size());
  }
}
