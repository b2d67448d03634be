package io.parley.protocol.credential.yuntongxun;

import io.parley.protocol.credential.HexDigests;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Yuntongxun (Cloopen) REST authentication: query parameter {@code sig} = upper-case hex MD5 of
 * {@code AccountSid + AuthToken + timestamp}, header {@code Authorization} = Base64 of {@code AccountSid:timestamp},
 * with {@code timestamp} as {@code yyyyMMddHHmmss} in UTC+8; plus the message-copy callback {@code CheckSum}.
 */
public final class YuntongxunAuth {
  /** The vendor's time zone, in which REST timestamps are written. */
  public static final ZoneOffset VENDOR_ZONE = ZoneOffset.ofHours(8);

  private static final int TIMESTAMP_CHARS = 14;
  private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR, 4)
      .appendValue(ChronoField.MONTH_OF_YEAR, 2)
      .appendValue(ChronoField.DAY_OF_MONTH, 2)
      .appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .toFormatter(Locale.ROOT)
      .withChronology(IsoChronology.INSTANCE)
      .withResolverStyle(ResolverStyle.STRICT);

  private YuntongxunAuth() {}

  /**
   * {@code t} as a REST timestamp: {@code yyyyMMddHHmmss} in {@link #VENDOR_ZONE}, fractions of a second dropped.
   *
   * @throws IllegalArgumentException when the year in UTC+8 is outside 0000..9999
   */
  public static String timestamp(Instant t) {
    Objects.requireNonNull(t, "t");
    try {
      return TIMESTAMP.format(LocalDateTime.ofInstant(t, VENDOR_ZONE));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(t + " cannot be written as a 14-digit timestamp", e);
    }
  }

  /** The instant a REST timestamp ({@code yyyyMMddHHmmss}, UTC+8) names; empty when it is not exactly that. */
  public static Optional<Instant> parseTimestamp(String s) {
    if (s == null || s.length() != TIMESTAMP_CHARS) {
      return Optional.empty();
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(LocalDateTime.parse(s, TIMESTAMP).toInstant(VENDOR_ZONE));
    } catch (DateTimeException e) { // e.g. month 13, 30 February, hour 24
      return Optional.empty();
    }
  }

  /**
   * The {@code sig} query parameter: upper-case hex MD5 of the UTF-8 bytes of {@code accountSid + authToken +
   * timestamp}.
   *
   * @throws IllegalArgumentException when the auth token is empty (anyone could compute such a sig)
   * @throws NullPointerException when an argument is null
   */
  public static String sig(String accountSid, String authToken, String timestamp) {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(authToken, "authToken");
    Objects.requireNonNull(timestamp, "timestamp");
    if (authToken.isEmpty()) {
      throw new IllegalArgumentException("auth token must not be empty");
    }
    return HexDigests.md5Hex(accountSid + authToken + timestamp).toUpperCase(Locale.ROOT);
  }

  /** The {@code Authorization} header: standard Base64 of the UTF-8 bytes of {@code accountSid + ":" + timestamp}. */
  public static String authorization(String accountSid, String timestamp) {
    Objects.requireNonNull(accountSid, "accountSid");
    Objects.requireNonNull(timestamp, "timestamp");
    return Base64.getEncoder().encodeToString((accountSid + ":" + timestamp).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * True when {@code sig} is the sig of these values, in either case. Compares in constant time; false (never an
   * exception) when any argument is null or the auth token is empty.
   */
  public static boolean sigMatches(String accountSid, String authToken, String timestamp, String sig) {
    if (accountSid == null || authToken == null || authToken.isEmpty() || timestamp == null || sig == null) {
      return false;
    }
    return HexDigests.hexEqualsIgnoreCase(sig(accountSid, authToken, timestamp), sig);
  }

  /**
   * The message-copy callback {@code CheckSum} header: lower-case hex MD5 (not SHA-1 as at NetEase) of the UTF-8
   * bytes of {@code appId + appToken + bodyMd5 + curTime}.
   *
   * @throws IllegalArgumentException when the app token is empty
   * @throws NullPointerException when an argument is null
   */
  public static String callbackCheckSum(String appId, String appToken, String bodyMd5, String curTime) {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(appToken, "appToken");
    Objects.requireNonNull(bodyMd5, "bodyMd5");
    Objects.requireNonNull(curTime, "curTime");
    if (appToken.isEmpty()) {
      throw new IllegalArgumentException("app token must not be empty");
    }
    return HexDigests.md5Hex(appId + appToken + bodyMd5 + curTime);
  }
}
