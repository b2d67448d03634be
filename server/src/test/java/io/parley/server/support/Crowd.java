package io.parley.server.support;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.parley.client.ParleyClient;
import io.parley.client.ReceivedMessage;
import io.parley.client.SendReceipt;
import io.parley.server.ParleyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many real SDK clients of one server, each with its own {@link Recorder}: logged in a batch at a time, checked for a
 * group's messages, closed together.
 */
public final class Crowd implements AutoCloseable {
  private final ParleyServer server;
  private final Map<String, Recorder> inbox = new HashMap<>();
  private final Map<String, ParleyClient> clients = new HashMap<>();

  public Crowd(ParleyServer server) {
    this.server = server;
  }

  /** Logs these users in (all at once) and returns when every one is logged in. */
  public void online(List<String> users) throws Exception {
    List<CompletableFuture<?>> logins = new ArrayList<>();
    for (String user : users) {
      Recorder rec = new Recorder();
      ParleyClient c = Clients.tcp(server, user, rec).build();
      inbox.put(user, rec);
      clients.put(user, c);
      logins.add(c.connect());
    }
    CompletableFuture.allOf(logins.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
  }

  /** The client of a logged-in user. */
  public ParleyClient client(String user) {
    return clients.get(user);
  }

  /** Logs these users out and forgets them. */
  public void leave(List<String> users) {
    for (String user : users) {
      ParleyClient c = clients.remove(user);
      if (c != null) {
        c.close();
      }
      inbox.remove(user);
    }
  }

  /** Waits until each of these users has as many of the group's messages as were sent. */
  public void awaitAll(List<String> users, String groupId, int count, Duration wait) {
    await().atMost(wait).until(() -> users.stream().allMatch(u -> inbox.get(u).inGroup(groupId).size() >= count));
  }

  /** Asserts that each of these users got every sent message of the group exactly once, in group-seq order. */
  public void assertEveryMessageOnceInOrder(List<String> users, String groupId, List<SendReceipt> sent) {
    List<SendReceipt> inOrder = sent.stream().sorted(java.util.Comparator.comparingLong(SendReceipt::groupSeq)).toList();
    List<Long> seqs = inOrder.stream().map(SendReceipt::groupSeq).toList();
    List<Long> ids = inOrder.stream().map(SendReceipt::serverMsgId).toList();
    for (String user : users) {
      List<ReceivedMessage> got = inbox.get(user).inGroup(groupId);
      assertEquals(seqs, got.stream().map(ReceivedMessage::groupSeq).toList(),
          user + " got every message once, in group order");
      assertEquals(ids, got.stream().map(ReceivedMessage::serverMsgId).toList(), user + " got the messages sent");
    }
  }

  @Override
  public void close() {
    clients.values().forEach(ParleyClient::close);
    clients.clear();
    inbox.clear();
  }
}
