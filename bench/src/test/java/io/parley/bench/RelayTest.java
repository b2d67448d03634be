package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.client.CredentialKind;
import io.parley.client.ParleyClient;
import io.parley.client.ParleyListener;
import io.parley.client.ReceivedMessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The raw relay speaks enough of the protocol for the unchanged SDK: messages arrive once and in order. */
@Timeout(10)
class RelayTest {
  private static ParleyClient.Builder client(int port, String user) {
    return ParleyClient.builder().tcp("127.0.0.1", port).appId("1").userId(user)
        .credential(CredentialKind.TENCENT_USERSIG, () -> "any");
  }

  @Test
  void relaysHundredMessagesInOrderOnce() throws Exception {
    int n = 100;
    List<ReceivedMessage> got = new CopyOnWriteArrayList<>();
    CountDownLatch all = new CountDownLatch(n);
    try (Relay relay = Relay.start("127.0.0.1", 0);
        ParleyClient bob = client(relay.port(), "bob").listener(new ParleyListener() {
          @Override
          public void onMessage(ReceivedMessage m) {
            got.add(m);
            all.countDown();
          }
        }).build();
        ParleyClient alice = client(relay.port(), "alice").build()) {
      bob.connect().get(5, TimeUnit.SECONDS);
      alice.connect().get(5, TimeUnit.SECONDS);
      CompletableFuture<?>[] sends = new CompletableFuture<?>[n];
      for (int i = 0; i < n; i++) {
        sends[i] = alice.send("bob", "text", ByteBuffer.allocate(4).putInt(i).array());
      }
      CompletableFuture.allOf(sends).get(5, TimeUnit.SECONDS);
      assertTrue(all.await(5, TimeUnit.SECONDS), "only " + got.size() + " of " + n + " arrived");
      Thread.sleep(100); // a duplicate would show up here
      assertEquals(n, got.size());
      for (int i = 0; i < n; i++) {
        ReceivedMessage m = got.get(i);
        assertEquals(i + 1, m.seq());
        assertEquals("alice", m.fromUserId());
        assertEquals(i, ByteBuffer.wrap(m.content()).getInt());
      }
    }
  }
}
