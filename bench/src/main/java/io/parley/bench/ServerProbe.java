package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads a local server's figures: /metrics from the admin port, RSS from /proc, a full GC through jcmd. */
final class ServerProbe {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String host;
  private final int adminPort;
  private final LocalJvm jvm;

  ServerProbe(String host, int adminPort, long pid) {
    this.host = host;
    this.adminPort = adminPort;
    this.jvm = new LocalJvm(pid);
  }

  /** Reads host, admin port and pid from a server's {@code ports.json}. */
  static ServerProbe fromPortsFile(Path portsJson) throws IOException {
    JsonNode n = Json.MAPPER.readTree(Files.readString(portsJson));
    return new ServerProbe(n.get("bind").asText(), n.get("admin").asInt(), n.get("pid").asLong());
  }

  /** The probe of the server whose {@code ports.json} this is, or null when there is none or it names no admin port (a relay's). */
  static ServerProbe ifPresent(Path portsJson) throws IOException {
    if (!Files.isRegularFile(portsJson)) {
      return null;
    }
    JsonNode n = Json.MAPPER.readTree(Files.readString(portsJson));
    return n.has("admin") ? fromPortsFile(portsJson) : null;
  }

  JsonNode metrics() throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + adminPort + "/metrics"))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(r.body());
  }

  /** Resident set size of the server process in bytes, or -1 when /proc is not readable. */
  long rssBytes() {
    return jvm.rssBytes();
  }

  /** The server's RSS once it stops moving after a GC (see {@link LocalJvm#settledRssBytes()}). */
  long settledRssBytes() throws InterruptedException {
    return jvm.settledRssBytes();
  }

  /** Waits until the server is idle (see {@link LocalJvm#awaitIdle}); the milliseconds waited, -1 without /proc. */
  long awaitIdle(double idleShare, long windowMs, long maxMs) throws InterruptedException {
    return jvm.awaitIdle(idleShare, windowMs, maxMs);
  }

  /** Asks the server JVM for a full GC, so that heap figures show live data only. */
  void fullGc() throws IOException, InterruptedException {
    jvm.fullGc();
  }

  /** The server's /metrics right after a full GC. */
  JsonNode metricsAfterGc() throws IOException, InterruptedException {
    fullGc();
    return metrics();
  }

  long heapUsedAfterGc() throws IOException, InterruptedException {
    fullGc();
    return metrics().get("heapUsedBytes").asLong();
  }
}
