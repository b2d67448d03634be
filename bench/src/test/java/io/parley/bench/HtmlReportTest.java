package io.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report is self-contained, shows every latency node and timeline, and escapes what it prints. */
class HtmlReportTest {
  private static ObjectNode base(String scenario) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("scenario", scenario);
    n.put("time", "2026-11-23T21:00:00");
    n.put("cores", 2);
    n.put("java", "17.0.9");
    n.put("benchJvmArgs", "-Xmx1g <script>alert(1)</script>");
    return n;
  }

  private static ObjectNode latency(double p50, double p99, double p999, double max) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("count", 12345);
    n.put("p50_ms", p50);
    n.put("p99_ms", p99);
    n.put("p999_ms", p999);
    n.put("max_ms", max);
    return n;
  }

  private static void c2cFields(ObjectNode n, double rate, double p50) {
    n.put("pairs", 5);
    n.put("mode", "closed");
    n.put("messagesPerSecond", rate);
    n.put("syncPolicy", "FSYNC_GROUP");
    n.set("sendToPush", latency(p50, 7.25, 19.5, 31.125));
    n.set("sendToAck", latency(p50 / 2, 3.5, 9.75, 12.0));
  }

  private static void assertSelfContained(String html) {
    assertTrue(html.startsWith("<!DOCTYPE html>"), "an HTML document");
    assertTrue(html.contains("<svg"), "an inline SVG chart");
    assertFalse(html.contains("http://"), "no http reference");
    assertFalse(html.contains("https://"), "no https reference");
    assertFalse(html.contains("<script"), "no script, and the field's <script> escaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the field shown, escaped");
    assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("), "no external style");
  }

  @Test
  void c2cWithTimeline() {
    ObjectNode r = base("c2c");
    c2cFields(r, 25_000, 1.5);
    ArrayNode t = r.putArray("timeline");
    for (int s = 1; s <= 4; s++) {
      t.addObject().put("second", s).put("messagesPerSecond", 20_000 + 1_000 * s);
    }
    String html = HtmlReport.render(r, "c2c-x.json");
    assertSelfContained(html);
    assertTrue(html.contains("sendToPush") && html.contains("sendToAck"));
    for (String v : new String[] {"1.5", "7.25", "19.5", "31.125", "0.75", "3.5", "9.75"}) {
      assertTrue(html.contains(">" + v + "<"), "percentile " + v + " shown");
    }
    assertTrue(html.contains("Throughput over time") && html.contains("<polyline"), "the timeline as a line");
    assertTrue(html.contains("FSYNC_GROUP") && html.contains("pairs"), "settings in the header table");
  }

  @Test
  void c2cWithoutTimelineSkipsTheChart() {
    ObjectNode r = base("c2c");
    c2cFields(r, 25_000, 1.5);
    String html = HtmlReport.render(r, "c2c-x.json");
    assertSelfContained(html);
    assertFalse(html.contains("Throughput over time"));
    assertFalse(html.contains("Server memory"));
  }

  @Test
  void ceilingShowsRelayAndParleySideBySide() {
    ObjectNode r = base("ceiling");
    r.put("parleyToRelayThroughput", 0.42);
    c2cFields(r.putObject("relay"), 100_000, 0.25);
    c2cFields(r.putObject("parley"), 42_000, 2.5);
    String html = HtmlReport.render(r, "ceiling-x.json");
    assertSelfContained(html);
    assertTrue(html.contains(">relay<") && html.contains(">parley<"), "both sources labelled");
    assertTrue(html.contains(">0.25<") && html.contains(">2.5<"), "both p50s shown");
    assertTrue(html.contains("parley.messagesPerSecond"), "nested scalars in the header table");
    assertTrue(html.contains("messages per second"), "throughput side by side");
  }

  @Test
  void connectShowsMemory() {
    ObjectNode r = base("connect");
    r.put("sessions", 1000);
    r.put("loginsPerSecond", 4321.5);
    r.put("serverHeapPerSessionBytes", 3072.0);
    r.put("serverRssPerSessionBytes", -1.0);
    r.put("serverDirectPerSessionBytes", 512.0);
    r.put("serverHeapBefore", 50L << 20);
    r.put("serverHeapAfter", 53L << 20);
    r.put("serverRssBefore", -1);
    r.put("serverRssAfter", -1);
    r.put("serverDirectMemoryBytesBefore", 8L << 20);
    r.put("serverDirectMemoryBytesAfter", 9L << 20);
    String html = HtmlReport.render(r, "connect-x.json");
    assertSelfContained(html);
    assertTrue(html.contains("Server memory"));
    assertTrue(html.contains("3.00 KiB") && html.contains("0.50 KiB"), "per-session figures in KiB");
    assertTrue(html.contains("50.0 MiB → 53.0 MiB"), "heap before and after");
    assertTrue(html.contains("8.0 MiB → 9.0 MiB"), "direct before and after");
    assertTrue(html.contains("n/a"), "unavailable RSS shown as such");
  }

  @Test
  @DisplayName("connect shows the relay's and Parley's logins/s and memory per session side by side, not the ratios")
  void connectShowsRelayAndParleySideBySide() {
    ObjectNode r = base("connect");
    r.put("sessions", 1000);
    r.put("parleyToRelayLoginRate", 0.5);
    r.put("parleyToRelayRssPerSession", 3.0);
    ObjectNode relay = r.putObject("relay");
    relay.put("loginsPerSecond", 8000.0);
    relay.set("loginLatency", latency(0.5, 1.0, 2.0, 3.0));
    relay.put("rssPerSessionBytes", 1024.0);
    relay.put("rssBefore", 40L << 20);
    relay.put("rssAfter", 41L << 20);
    ObjectNode parley = r.putObject("parley");
    parley.put("loginsPerSecond", 4000.0);
    parley.set("loginLatency", latency(1.0, 2.0, 4.0, 6.0));
    parley.put("rssPerSessionBytes", 3072.0);
    parley.put("heapPerSessionBytes", 2048.0);
    parley.put("rssBefore", 100L << 20);
    parley.put("rssAfter", 103L << 20);
    String html = HtmlReport.render(r, "connect-x.json");
    assertSelfContained(html);
    assertTrue(html.contains("logins per second"), "login rates side by side");
    assertTrue(html.contains("relay.rssPerSessionBytes") && html.contains("parley.rssPerSessionBytes"), "both RSS figures");
    assertTrue(html.contains("1.00 KiB") && html.contains("3.00 KiB") && html.contains("2.00 KiB"), "per-session figures in KiB");
    assertTrue(html.contains("relay.rss before → after") && html.contains("40.0 MiB → 41.0 MiB"), "the relay's RSS totals");
    assertTrue(html.contains("100.0 MiB → 103.0 MiB"), "Parley's RSS totals");
    assertTrue(html.contains("loginLatency"), "login latency of both");
    assertFalse(html.contains("parleyToRelayRssPerSession</td><td class=\"n\">0.00 KiB"), "a ratio is no memory figure");
  }

  @Test
  void writesNextToTheJson(@TempDir Path dir) throws Exception {
    ObjectNode r = base("offline-sync");
    r.put("syncMs", 123.4);
    Path json = dir.resolve("offline-sync-20261123-210000.json");
    Files.writeString(json, r.toString());
    Path html = HtmlReport.write(json, r);
    assertEquals(dir.resolve("offline-sync-20261123-210000.html"), html);
    String text = Files.readString(html);
    assertTrue(text.contains("syncMs") && text.contains("123.4"));
    assertFalse(text.contains("http://") || text.contains("https://"));
  }

  @Test
  void reportCommandRendersExistingFiles(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("c2c-1.json");
    ObjectNode r = base("c2c");
    c2cFields(r, 1000, 1.0);
    Files.writeString(json, r.toPrettyString());
    int code = new picocli.CommandLine(new BenchMain()).execute("report", json.toString());
    assertEquals(0, code);
    assertTrue(Files.readString(dir.resolve("c2c-1.html")).contains("<svg"));
  }
}
