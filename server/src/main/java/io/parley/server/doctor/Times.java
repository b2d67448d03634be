package io.parley.server.doctor;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders instants in the operator's local time, with how long ago or ahead they are. */
public final class Times {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

  private Times() {}

  public static String local(Instant t, ZoneId zone) {
    return LOCAL.format(t.atZone(zone)) + " (" + t + ")";
  }

  public static String relative(Instant t, Instant now) {
    Duration d = Duration.between(now, t);
    return d.isNegative() ? human(d.negated()) + " ago" : "in " + human(d);
  }

  public static String human(Duration d) {
    long s = d.getSeconds();
    if (s < 120) {
      return s + " s";
    }
    if (s < 2 * 3600) {
      return s / 60 + " min";
    }
    if (s < 2 * 86400) {
      return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
    return s / 86400 + " days";
  }
}
