package io.parley.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.HdrHistogram.Histogram;

/** Writes a scenario's figures to {@code bench-results/<scenario>-<time>.json} (and .html), with the machine they came from. */
final class Report {
  private Report() {}

  static ObjectNode start(String scenario) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("scenario", scenario);
    n.put("time", LocalDateTime.now().toString());
    n.put("cores", Runtime.getRuntime().availableProcessors());
    n.put("memoryBytes", machineMemoryBytes());
    n.put("java", System.getProperty("java.version"));
    n.put("benchJvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    return n;
  }

  /** Physical memory of this machine from /proc/meminfo, or -1 where that is not readable. */
  private static long machineMemoryBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Puts {@code numerator / denominator} under {@code field}, or null when that is no figure (a denominator of 0 or
   * less, or a figure of -1 that was not available).
   */
  static void ratio(ObjectNode report, String field, double numerator, double denominator) {
    if (denominator > 0 && numerator >= 0 && Double.isFinite(numerator / denominator)) {
      report.put(field, numerator / denominator);
    } else {
      report.putNull(field);
    }
  }

  /**
   * Records that the raw relay has no equivalent of this scenario ({@code "ceiling": "n/a: <reason>"}) and returns
   * the summary line that says so.
   */
  static String noCeiling(ObjectNode report, String reason) {
    String text = "n/a: " + reason;
    report.put("ceiling", text);
    return "  ceiling: " + text;
  }

  static ObjectNode latency(Histogram h) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("count", h.getTotalCount());
    n.put("p50_ms", h.getValueAtPercentile(50) / 1e6);
    n.put("p99_ms", h.getValueAtPercentile(99) / 1e6);
    n.put("p999_ms", h.getValueAtPercentile(99.9) / 1e6);
    n.put("max_ms", h.getMaxValue() / 1e6);
    return n;
  }

  static Path write(Path dir, ObjectNode report) throws IOException {
    Files.createDirectories(dir);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path file = dir.resolve(report.get("scenario").asText() + "-" + stamp + ".json");
    Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
    try {
      System.out.println("  html: " + HtmlReport.write(file, report));
    } catch (IOException | RuntimeException e) {
      // The JSON is the record; a failed rendering must not lose it (re-render with `parley-bench report`).
      System.err.println("  html report failed: " + e);
    }
    return file;
  }
}
