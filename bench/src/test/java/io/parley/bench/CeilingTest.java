package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.server.ParleyServer;
import io.parley.server.config.Sandbox;
import io.parley.server.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tiny runs of every scenario against a real Parley server and a real relay child process: what each report says about the ceiling. */
@DisplayName("Every report says something about the machine's ceiling")
class CeilingTest {
  @TempDir static Path dir;
  static ParleyServer server;
  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    server = ParleyServer.start(Sandbox.config().withDataDir(dir.resolve("data")).withPorts(new ServerConfig.Ports(0, 0, 0, 0, 0)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void noRelayLeft() {
    assertEquals(List.of(), RelayChildren.alive(), "no relay child process outlives its scenario");
  }

  /** Runs {@code parley-bench <args>} against the test server and returns the JSON report it wrote. */
  private JsonNode run(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--port", Integer.toString(server.tcpPort()), "--out", out.toString()));
    if (args[0].equals("c2c") || args[0].equals("ceiling") || args[0].equals("connect")) {
      all.addAll(List.of("--ports-file", dir.resolve("data").resolve("ports.json").toString()));
    }
    assertEquals(0, new CommandLine(new BenchMain()).execute(all.toArray(String[]::new)), "exit code of " + all);
    try (Stream<Path> files = Files.list(out)) {
      List<Path> json = files.filter(f -> f.toString().endsWith(".json")).toList();
      assertEquals(1, json.size(), "one report");
      assertTrue(Files.isRegularFile(Path.of(json.get(0).toString().replace(".json", ".html"))), "its HTML next to it");
      return Json.MAPPER.readTree(json.get(0).toFile());
    }
  }

  @Test
  @DisplayName("c2c in closed loop runs the relay and then Parley, and gives Parley's share of the relay's msgs/s")
  void c2cClosedLoop() throws Exception {
    JsonNode r = run("c2c", "--pairs", "2", "--warmup", "1", "--duration", "2", "--relay-jvm-args=-Xmx256m -Xss1m");
    assertEquals("c2c", r.get("scenario").asText());
    assertEquals(CeilingOptions.MEASURED, r.get("ceiling").asText());
    double relay = r.at("/relay/messagesPerSecond").asDouble();
    double parley = r.at("/parley/messagesPerSecond").asDouble();
    assertTrue(relay > 0, "relay msgs/s " + relay);
    assertTrue(parley > 0, "parley msgs/s " + parley);
    assertEquals(parley / relay, r.get("parleyToRelayThroughput").asDouble(), 1e-9);
    assertTrue(r.at("/relay/serverJvmArgs").asText().contains("-Xmx256m -Xss1m"), "the relay's JVM flags recorded");
    assertEquals(RelayProcess.SYNC_POLICY, r.at("/relay/syncPolicy").asText());
    assertFalse(r.at("/parley/syncPolicy").asText().isEmpty(), "Parley's sync policy recorded");
    assertEquals(100, r.at("/relay/bodyBytes").asInt());
    assertEquals(100, r.at("/parley/bodyBytes").asInt());
    assertTrue(r.get("cores").asInt() > 0 && r.get("memoryBytes").asLong() != 0, "the machine recorded");
  }

  @Test
  @DisplayName("ceiling still works, as another name of c2c: in open loop with workers it compares latency at the same rate")
  void ceilingAliasOpenLoopWithWorkers() throws Exception {
    JsonNode r = run("ceiling", "--pairs", "2", "--rate", "100", "--workers", "2", "--warmup", "1", "--duration", "2");
    assertEquals("c2c", r.get("scenario").asText());
    assertEquals(2, r.get("workers").asInt());
    assertTrue(r.at("/relay/messagesPerSecond").asDouble() > 0);
    assertTrue(r.at("/parley/messagesPerSecond").asDouble() > 0);
    assertEquals(100, r.at("/relay/targetRate").asInt());
    assertFalse(r.has("parleyToRelayThroughput"), "no throughput ratio in open loop");
    for (String phase : new String[] {"relay", "parley"}) {
      assertTrue(r.at("/" + phase + "/pacerLateness/p99_ms").isNumber(), phase + " reports how late its pacer ran");
      assertTrue(r.at("/" + phase + "/pacerLateness/count").asLong() > 0, phase + " counted its paced sends");
    }
    for (String p : new String[] {"p50", "p99", "p999"}) {
      assertTrue(r.at("/parleyToRelaySendToPush").has(p), p + " ratio");
    }
  }

  @Test
  @DisplayName("c2c --no-ceiling runs Parley alone and says the ceiling was skipped")
  void c2cNoCeiling() throws Exception {
    JsonNode r = run("c2c", "--no-ceiling", "--pairs", "1", "--warmup", "0", "--duration", "1");
    assertEquals("skipped (--no-ceiling)", r.get("ceiling").asText());
    assertFalse(r.has("relay"));
    assertFalse(r.has("parleyToRelayThroughput"));
    assertTrue(r.at("/parley/messagesPerSecond").asDouble() > 0);
  }

  @Test
  @DisplayName("connect logs the same sessions in to the relay and to Parley: login rates, RSS per session and the ratios")
  void connect() throws Exception {
    JsonNode r = run("connect", "--sessions", "50", "--concurrency", "50", "--warmup-sessions", "20");
    assertEquals(CeilingOptions.MEASURED, r.get("ceiling").asText());
    assertEquals(20, r.get("warmupSessions").asInt());
    double relay = r.at("/relay/loginsPerSecond").asDouble();
    double parley = r.at("/parley/loginsPerSecond").asDouble();
    assertTrue(relay > 0 && parley > 0, "relay " + relay + ", parley " + parley + " logins/s");
    assertEquals(parley / relay, r.get("parleyToRelayLoginRate").asDouble(), 1e-9);
    assertEquals(0, r.at("/relay/failedLogins").asLong());
    assertEquals(0, r.at("/parley/failedLogins").asLong());
    assertTrue(r.at("/relay/rssBefore").asLong() > 0, "the relay child's RSS read from /proc");
    double relayRss = r.at("/relay/rssPerSessionBytes").asDouble();
    JsonNode rssRatio = r.get("parleyToRelayRssPerSession");
    double parleyRss = r.at("/parley/rssPerSessionBytes").asDouble();
    if (relayRss > 0 && parleyRss >= 0) {
      assertEquals(parleyRss / relayRss, rssRatio.asDouble(), 1e-9);
    } else {
      assertTrue(rssRatio.isNull(), "no ratio without a relay figure or when Parley's RSS shrank: " + rssRatio);
    }
    assertTrue(r.at("/relay/serverJvmArgs").isTextual(), "the relay's JVM flags recorded");
    assertTrue(r.at("/parley/heapPerSessionBytes").isNumber());
  }

  @Test
  @DisplayName("connect --no-ceiling logs in to Parley alone and says the ceiling was skipped")
  void connectNoCeiling() throws Exception {
    JsonNode r = run("connect", "--no-ceiling", "--sessions", "10");
    assertEquals("skipped (--no-ceiling)", r.get("ceiling").asText());
    assertFalse(r.has("relay"));
    assertTrue(r.at("/parley/loginsPerSecond").asDouble() > 0);
  }

  @Test
  @DisplayName("offline-sync says why the relay has no equivalent")
  void offlineSync() throws Exception {
    JsonNode r = run("offline-sync", "--backlog", "20");
    assertTrue(r.get("ok").asBoolean());
    assertTrue(r.get("ceiling").asText().startsWith("n/a: "), r.get("ceiling").asText());
  }

  @Test
  @DisplayName("reconnect-storm says why the relay has no equivalent")
  void reconnectStorm() throws Exception {
    JsonNode r = run("reconnect-storm", "--sessions", "4", "--messages", "4", "--interval-ms", "10");
    assertTrue(r.get("ceiling").asText().startsWith("n/a: "), r.get("ceiling").asText());
  }
}
