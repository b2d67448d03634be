package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tiny runs of {@code parley-bench group} against a real Parley server, with members in two worker processes. */
@DisplayName("parley-bench group")
class GroupScenarioTest {
  @TempDir Path dir;

  /** Starts a server whose groups above {@code writeFanOut} members are read from their own history, runs the scenario. */
  private JsonNode run(int writeFanOut, String... args) throws Exception {
    Path data = dir.resolve("data");
    ServerConfig config = Sandbox.config().withDataDir(data).withPorts(new ServerConfig.Ports(0, 0, 0, 0, 0));
    config = config.withLimits(new ServerConfig.Limits(config.limits().maxFrameBytes(),
        config.limits().loginTimeoutMs(), config.limits().slowConsumerMs(), writeFanOut));
    Path out = dir.resolve("out");
    try (ParleyServer server = ParleyServer.start(config)) {
      List<String> all = new ArrayList<>(List.of("group"));
      all.addAll(List.of(args));
      all.addAll(List.of("--port", Integer.toString(server.tcpPort()), "--ports-file",
          data.resolve("ports.json").toString(), "--data-dir", data.toString(), "--out", out.toString()));
      assertEquals(0, new CommandLine(new BenchMain()).execute(all.toArray(String[]::new)), "exit code of " + all);
    }
    try (Stream<Path> files = Files.list(out)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertEquals(1, json.size(), "one report");
      return Json.MAPPER.readTree(json.get(0).toFile());
    }
  }

  private static void assertEveryOnlineMemberGotEveryMessageOnceInOrder(JsonNode r, int online) {
    long sent = r.get("messagesSent").asLong();
    assertTrue(sent > 1, "the lone message and the paced ones were sent: " + sent);
    assertEquals(0, r.get("sendFailures").asLong());
    assertEquals(sent * online, r.get("deliveries").asLong());
    assertEquals(sent * online, r.get("expectedDeliveries").asLong());
    assertEquals(online, r.get("membersWithEveryMessage").asInt());
    assertEquals(sent, r.get("messagesReachingEveryOnlineMember").asLong());
    assertEquals(0, r.get("deliveriesNotInGroupOrder").asLong());
    assertEquals(sent * online, r.at("/sendToPush/count").asLong(), "one send→push figure per delivery");
    assertEquals(sent - 1, r.at("/sendToLastMember/count").asLong(), "one time to the last member per paced message");
    assertTrue(r.get("singleMessageToLastMemberMs").isNumber(), "the lone message's time to its last member");
    assertEquals(online, r.get("singleMessageDeliveries").asLong());
  }

  @Test
  @DisplayName("a group under the write fan-out limit: every online member in two workers gets every message once and"
      + " in order from its timeline, and offline members catch up on all of them, through the counting proxy")
  void writeFanOut() throws Exception {
    JsonNode r = run(500, "--members", "30", "--online", "20", "--workers", "2", "--rate", "20", "--duration", "1",
        "--catch-up", "2");
    assertEquals("group", r.get("scenario").asText());
    assertTrue(r.get("ceiling").asText().startsWith("n/a: "), r.get("ceiling").asText());
    assertEquals(30, r.get("members").asInt());
    assertEquals(2, r.get("workers").asInt());
    assertEquals("write", r.get("fanOut").asText());
    assertEveryOnlineMemberGotEveryMessageOnceInOrder(r, 20);
    assertTrue(r.get("storeBytesAfter").asLong() > r.get("storeBytesBefore").asLong(), "the store grew");
    JsonNode c = r.get("catchUp");
    assertEquals(2, c.get("members").asInt());
    assertEquals(r.get("messagesSent").asLong(), c.get("messagesWaiting").asLong());
    assertTrue(c.get("everyMessageOnce").asBoolean(), c.toString());
    for (JsonNode m : c.get("each")) {
      assertTrue(m.get("bytesFromServer").asLong() > 0, "the proxy counted what the server sent " + m);
    }
    assertEquals(c.get("bytesFromServerPerMember").asDouble() / c.get("messagesWaiting").asLong(),
        c.get("bytesFromServerPerMessage").asDouble(), 1e-9);
  }

  @Test
  @DisplayName("a group above the write fan-out limit is read from its own history, and every member still gets every"
      + " message once and in order")
  void readFanOut() throws Exception {
    JsonNode r = run(5, "--members", "12", "--workers", "1", "--senders", "2", "--rate", "20", "--duration", "1");
    assertEquals("read", r.get("fanOut").asText());
    assertEquals(12, r.get("online").asInt());
    assertEveryOnlineMemberGotEveryMessageOnceInOrder(r, 12);
    assertEquals(0, r.at("/catchUp/members").asInt(), "every member was online: nobody to catch up");
  }
}
