package io.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a scenario's report JSON as one self-contained HTML page (inline CSS and SVG, no scripts, no
 * external references): the run's settings, latency percentiles, throughput over time and server memory.
 */
final class HtmlReport {
  private static final String[] PERCENTILES = {"p50_ms", "p99_ms", "p999_ms", "max_ms"};
  private static final List<String> PERCENTILE_LABELS = List.of("p50", "p99", "p99.9", "max");
  /** Ratios between parts of a report (parleyToRelay…): not memory figures, even when named after one. */
  private static final String RATIO_PREFIX = "parleyTo";
  private static final Pattern MEMORY = Pattern.compile("(?i).*(heap|rss|direct|memory).*");
  private static final String CSS = "body{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}"
      + "h1{font-size:20px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #ccc}"
      + "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;"
      + "font-size:13px;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}"
      + "th{background:#f4f4f4}svg{display:block;margin:8px 0}.note{color:#666;font-size:13px}"
      + "pre{background:#f8f8f8;padding:8px;font-size:12px;overflow:auto}";

  private HtmlReport() {}

  /** Writes the HTML next to {@code json} (same name, {@code .html}) and returns its path. */
  static Path write(Path json, ObjectNode report) throws IOException {
    String name = json.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    Path html = json.resolveSibling(base + ".html");
    Files.writeString(html, render(report, name));
    return html;
  }

  /** The whole page for {@code report}; {@code source} names the JSON file it came from. */
  static String render(ObjectNode report, String source) {
    String scenario = report.path("scenario").asText("?");
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.esc("parley-bench " + scenario + " " + report.path("time").asText(""))).append("</title><style>")
        .append(CSS).append("</style></head><body>");
    h.append("<h1>parley-bench: ").append(Html.esc(scenario)).append("</h1>");
    h.append("<p class=\"note\">From ").append(Html.esc(source))
        .append(". Figures from a shared machine: compare runs made back to back in the same session.</p>");
    settings(h, report);
    throughput(h, report);
    latency(h, report, scenario);
    timeline(h, report);
    memory(h, report);
    h.append("<h2>Raw JSON</h2><details><summary>show</summary><pre>")
        .append(Html.esc(report.toPrettyString())).append("</pre></details>");
    return h.append("</body></html>\n").toString();
  }

  /** The header table: every scalar field, nested ones as {@code parent.field}. */
  private static void settings(StringBuilder h, ObjectNode report) {
    Map<String, JsonNode> scalars = new LinkedHashMap<>();
    flatten("", report, scalars);
    h.append("<h2>Run and settings</h2><table><tr><th>field</th><th>value</th></tr>");
    for (Map.Entry<String, JsonNode> e : scalars.entrySet()) {
      JsonNode v = e.getValue();
      h.append("<tr><td>").append(Html.esc(e.getKey())).append("</td><td").append(v.isNumber() ? " class=\"n\">" : ">")
          .append(Html.esc(v.isNumber() ? Svg.num(v.asDouble()) : v.isValueNode() ? v.asText() : v.toString()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (isLatency(v) || "timeline".equals(e.getKey())) {
        continue;
      }
      if (v.isObject()) {
        flatten(key + ".", v, out);
      } else {
        out.put(key, v);
      }
    }
  }

  private static boolean isLatency(JsonNode n) {
    return n.isObject() && n.has("p50_ms");
  }

  /** Messages or logins per second side by side when several parts of the report have one (relay and parley). */
  private static void throughput(StringBuilder h, ObjectNode report) {
    StringBuilder charts = new StringBuilder();
    rates(charts, report, "messagesPerSecond", "messages per second", "msgs/s");
    rates(charts, report, "loginsPerSecond", "logins per second", "logins/s");
    if (charts.length() > 0) {
      h.append("<h2>Throughput</h2>").append(charts);
    }
  }

  private static void rates(StringBuilder h, ObjectNode report, String field, String title, String unit) {
    Map<String, Double> rates = new LinkedHashMap<>();
    if (report.path(field).isNumber()) {
      rates.put(report.path("scenario").asText("run"), report.get(field).asDouble());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject() && e.getValue().path(field).isNumber()) {
        rates.put(e.getKey(), e.getValue().get(field).asDouble());
      }
    }
    if (rates.size() < 2) {
      return;
    }
    List<String> names = new ArrayList<>(rates.keySet());
    double[][] values = new double[names.size()][1];
    for (int i = 0; i < names.size(); i++) {
      values[i][0] = rates.get(names.get(i));
    }
    h.append(Svg.bars(title, List.of(unit), names, values, unit));
  }

  /** One chart and table per latency measure (sendToPush, sendToAck, …), its sources side by side. */
  private static void latency(StringBuilder h, ObjectNode report, String scenario) {
    Map<String, Map<String, JsonNode>> byMeasure = new LinkedHashMap<>();
    collectLatency("", report, byMeasure, scenario);
    if (byMeasure.isEmpty()) {
      return;
    }
    h.append("<h2>Latency</h2>");
    for (Map.Entry<String, Map<String, JsonNode>> m : byMeasure.entrySet()) {
      List<String> series = new ArrayList<>(m.getValue().keySet());
      double[][] values = new double[series.size()][PERCENTILES.length];
      h.append("<table><tr><th>").append(Html.esc(m.getKey())).append("</th><th>count</th>");
      PERCENTILE_LABELS.forEach(l -> h.append("<th>").append(Html.esc(l)).append(" ms</th>"));
      h.append("</tr>");
      for (int k = 0; k < series.size(); k++) {
        JsonNode n = m.getValue().get(series.get(k));
        h.append("<tr><td>").append(Html.esc(series.get(k))).append("</td><td class=\"n\">")
            .append(Html.esc(Svg.num(n.path("count").asDouble()))).append("</td>");
        for (int p = 0; p < PERCENTILES.length; p++) {
          JsonNode v = n.path(PERCENTILES[p]);
          values[k][p] = v.isNumber() ? v.asDouble() : Double.NaN;
          h.append("<td class=\"n\">").append(v.isNumber() ? Html.esc(Svg.num(v.asDouble())) : "n/a").append("</td>");
        }
        h.append("</tr>");
      }
      h.append("</table>");
      h.append(Svg.bars(m.getKey() + " latency percentiles", PERCENTILE_LABELS, series, values, "ms"));
    }
    h.append("<p class=\"note\">Closed-loop runs (in flight &gt; 0) measure mostly queueing; "
        + "use an open-loop run (--rate) for latency figures.</p>");
  }

  private static void collectLatency(String prefix, JsonNode node, Map<String, Map<String, JsonNode>> out, String root) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (isLatency(e.getValue())) {
        String source = prefix.isEmpty() ? root : prefix.substring(0, prefix.length() - 1);
        out.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(source, e.getValue());
      } else if (e.getValue().isObject()) {
        collectLatency(prefix + e.getKey() + ".", e.getValue(), out, root);
      }
    }
  }

  /** A line per {@code timeline} array found (top level or nested), messages per second against seconds. */
  private static void timeline(StringBuilder h, ObjectNode report) {
    List<Svg.Line> lines = new ArrayList<>();
    collectTimelines("", report, lines, report.path("scenario").asText("run"));
    if (lines.isEmpty()) {
      return;
    }
    h.append("<h2>Throughput over time</h2>")
        .append(Svg.lines("messages per second, each second of the run", lines, "second", "msgs/s"));
  }

  private static void collectTimelines(String prefix, JsonNode node, List<Svg.Line> out, String root) {
    JsonNode t = node.path("timeline");
    if (t.isArray() && t.size() > 0) {
      List<double[]> points = new ArrayList<>();
      int i = 0;
      for (JsonNode p : t) {
        i++;
        JsonNode y = p.path("messagesPerSecond");
        if (!y.isNumber()) {
          y = firstNumberExcept(p, "second");
        }
        if (y != null && y.isNumber()) {
          points.add(new double[] {p.path("second").isNumber() ? p.get("second").asDouble() : i, y.asDouble()});
        }
      }
      if (!points.isEmpty()) {
        double[] xs = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] ys = points.stream().mapToDouble(p -> p[1]).toArray();
        out.add(new Svg.Line(prefix.isEmpty() ? root : prefix.substring(0, prefix.length() - 1), xs, ys));
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        collectTimelines(prefix + e.getKey() + ".", e.getValue(), out, root);
      }
    }
  }

  private static JsonNode firstNumberExcept(JsonNode n, String skip) {
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals(skip) && e.getValue().isNumber()) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * Heap, RSS and direct memory: per session, and the totals before and after (connect). Read from the top level
   * (reports before the relay phase) and from each part ({@code relay}, {@code parley}), side by side.
   */
  private static void memory(StringBuilder h, ObjectNode report) {
    Map<String, Map<String, Double>> perSession = new LinkedHashMap<>();
    Map<String, double[]> beforeAfter = new LinkedHashMap<>();
    List<String> sources = new ArrayList<>();
    collectMemory("server", "", report, perSession, beforeAfter, sources);
    for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        collectMemory(e.getKey(), e.getKey() + ".", e.getValue(), perSession, beforeAfter, sources);
      }
    }
    if (perSession.isEmpty() && beforeAfter.isEmpty()) {
      return;
    }
    h.append("<h2>Server memory</h2><table><tr><th>measure</th><th>value</th></tr>");
    perSession.forEach((measure, bySource) -> bySource.forEach((source, v) -> h.append("<tr><td>")
        .append(Html.esc(source.equals("server") ? measure : source + "." + measure)).append("</td><td class=\"n\">")
        .append(v < 0 ? "n/a" : Html.esc(String.format(Locale.ROOT, "%.2f KiB", v / 1024))).append("</td></tr>")));
    beforeAfter.forEach((k, v) -> h.append("<tr><td>").append(Html.esc(k)).append(" before → after</td><td class=\"n\">")
        .append(Html.esc(mib(v[0]) + " → " + mib(v[1]))).append("</td></tr>"));
    h.append("</table>");
    if (!perSession.isEmpty()) {
      List<String> measures = new ArrayList<>(perSession.keySet());
      double[][] values = new double[sources.size()][measures.size()];
      for (int s = 0; s < sources.size(); s++) {
        for (int m = 0; m < measures.size(); m++) {
          Double v = perSession.get(measures.get(m)).get(sources.get(s));
          values[s][m] = v == null || v < 0 ? Double.NaN : v / 1024;
        }
      }
      h.append(Svg.bars("memory per session", measures, sources, values, "KiB"));
    }
    if (!beforeAfter.isEmpty()) {
      List<String> names = new ArrayList<>(beforeAfter.keySet());
      double[][] values = new double[2][names.size()];
      for (int i = 0; i < names.size(); i++) {
        double[] v = beforeAfter.get(names.get(i));
        values[0][i] = v[0] < 0 ? Double.NaN : v[0] / (1 << 20);
        values[1][i] = v[1] < 0 ? Double.NaN : v[1] / (1 << 20);
      }
      h.append(Svg.bars("memory before and after", names, List.of("before", "after"), values, "MiB"));
    }
    h.append("<p class=\"note\">Heap is live heap after a full GC; n/a (−1) means the figure was not available "
        + "(e.g. RSS off Linux). The relay's figures are its child process's.</p>");
  }

  /** The memory fields of one part of the report: per-session ones by measure and source, before/after ones by name. */
  private static void collectMemory(String source, String prefix, JsonNode node, Map<String, Map<String, Double>> perSession,
      Map<String, double[]> beforeAfter, List<String> sources) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (!e.getValue().isNumber() || !MEMORY.matcher(k).matches() || k.startsWith(RATIO_PREFIX)) {
        continue;
      }
      if (k.contains("PerSession")) {
        perSession.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(source, e.getValue().asDouble());
        if (!sources.contains(source)) {
          sources.add(source);
        }
      } else if (k.endsWith("Before") && node.path(k.substring(0, k.length() - 6) + "After").isNumber()) {
        String stem = k.substring(0, k.length() - 6);
        beforeAfter.put(prefix + stem, new double[] {e.getValue().asDouble(), node.get(stem + "After").asDouble()});
      }
    }
  }

  private static String mib(double bytes) {
    return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
  }
}
