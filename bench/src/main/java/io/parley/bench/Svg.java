package io.parley.bench;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts (grouped bars, lines) drawn as strings, with no scripts and no external references. */
final class Svg {
  static final String[] COLORS = {"#3366cc", "#dc6b19", "#2e9e5b", "#9b59b6", "#c0392b", "#7f8c8d"};
  private static final int W = 680;
  private static final int H = 280;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 36;
  private static final int BOTTOM = 46;

  /** One named line: x and y of equal length. */
  record Line(String name, double[] xs, double[] ys) {}

  private Svg() {}

  /** Grouped bars: one group per category, one bar per series; {@code values[series][category]}, NaN for none. */
  static String bars(String title, List<String> categories, List<String> series, double[][] values, String unit) {
    double max = 0;
    for (double[] row : values) {
      for (double v : row) {
        if (v > max) {
          max = v;
        }
      }
    }
    double top = niceCeiling(max);
    StringBuilder s = open(title);
    axes(s, top, unit);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    double groupW = plotW / (double) Math.max(1, categories.size());
    double barW = groupW * 0.8 / Math.max(1, series.size());
    for (int c = 0; c < categories.size(); c++) {
      double gx = LEFT + c * groupW + groupW * 0.1;
      for (int k = 0; k < series.size(); k++) {
        double v = values[k][c];
        if (Double.isNaN(v) || v < 0) {
          continue;
        }
        double h = top == 0 ? 0 : v / top * plotH;
        double x = gx + k * barW;
        double y = TOP + plotH - h;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
            + "<title>%s %s: %s %s</title></rect>", x, y, barW - 2, h, COLORS[k % COLORS.length],
            Html.esc(series.get(k)), Html.esc(categories.get(c)), num(v), Html.esc(unit)));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
            x + (barW - 2) / 2, y - 3, num(v)));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
          LEFT + c * groupW + groupW / 2, H - BOTTOM + 16, Html.esc(categories.get(c))));
    }
    legend(s, series);
    return s.append("</svg>").toString();
  }

  /** Lines over a shared x axis (e.g. seconds), y from zero. */
  static String lines(String title, List<Line> lines, String xLabel, String unit) {
    double maxX = 0;
    double minX = Double.MAX_VALUE;
    double maxY = 0;
    for (Line l : lines) {
      for (int i = 0; i < l.xs().length; i++) {
        maxX = Math.max(maxX, l.xs()[i]);
        minX = Math.min(minX, l.xs()[i]);
        maxY = Math.max(maxY, l.ys()[i]);
      }
    }
    if (minX > maxX) {
      minX = 0;
    }
    if (maxX <= minX) {
      maxX = minX + 1;
    }
    double top = niceCeiling(maxY);
    StringBuilder s = open(title);
    axes(s, top, unit);
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    for (int t = 0; t <= 5; t++) {
      double xv = minX + (maxX - minX) * t / 5;
      double x = LEFT + plotW * t / 5.0;
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
          x, H - BOTTOM + 14, num(xv)));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
        LEFT + plotW / 2, H - BOTTOM + 30, Html.esc(xLabel)));
    for (int k = 0; k < lines.size(); k++) {
      Line l = lines.get(k);
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < l.xs().length; i++) {
        double x = LEFT + (l.xs()[i] - minX) / (maxX - minX) * plotW;
        double y = TOP + plotH - (top == 0 ? 0 : l.ys()[i] / top * plotH);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      String color = COLORS[k % COLORS.length];
      s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
          .append(pts.toString().trim()).append("\"/>");
      if (l.xs().length == 1) {
        s.append("<circle r=\"3\" fill=\"").append(color).append("\" cx=\"")
            .append(pts.toString().trim().replace(",", "\" cy=\"")).append("\"/>");
      }
    }
    legend(s, lines.stream().map(Line::name).toList());
    return s.append("</svg>").toString();
  }

  private static StringBuilder open(String title) {
    StringBuilder s = new StringBuilder();
    s.append("<svg role=\"img\" width=\"").append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ")
        .append(W).append(' ').append(H).append("\" font-family=\"sans-serif\">");
    s.append("<title>").append(Html.esc(title)).append("</title>");
    s.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">")
        .append(Html.esc(title)).append("</text>");
    return s;
  }

  private static void axes(StringBuilder s, double top, String unit) {
    int plotW = W - LEFT - RIGHT;
    int plotH = H - TOP - BOTTOM;
    for (int t = 0; t <= 4; t++) {
      double y = TOP + plotH - plotH * t / 4.0;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>",
          LEFT, LEFT + plotW, y, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          LEFT - 4, y + 3, num(top * t / 4)));
    }
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
        LEFT, LEFT + plotW, TOP + plotH, TOP + plotH));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
        LEFT, LEFT, TOP, TOP + plotH));
    s.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>",
        TOP + plotH / 2, TOP + plotH / 2, Html.esc(unit)));
  }

  private static void legend(StringBuilder s, List<String> names) {
    int x = W - RIGHT;
    for (int k = names.size() - 1; k >= 0; k--) {
      String name = names.get(k);
      x -= 24 + 7 * name.length();
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"8\" width=\"10\" height=\"10\" fill=\"%s\"/>",
          x, COLORS[k % COLORS.length]));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"17\" font-size=\"11\">%s</text>", x + 14, Html.esc(name)));
    }
  }

  /** The smallest 1, 2 or 5 × 10^k at or above {@code v} (1 when {@code v} is not positive). */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** A compact rendering: integers as such, otherwise up to 3 significant decimals. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%,.1f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
