package io.parley.protocol.credential.yuntongxun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Yuntongxun REST auth and callback CheckSum")
class YuntongxunAuthTest {
  static final String SID = "parleydevaccountsid";
  static final String TOKEN = "parleydevauthtoken";
  static final String TS = "20260101080000";

  // Computed once outside Java with md5sum / base64.
  static final String SIG = "3E1652C1BF6A6F2BB6A65F2D88987071"; // MD5(SID + TOKEN + TS), upper-cased
  static final String AUTHORIZATION = "cGFybGV5ZGV2YWNjb3VudHNpZDoyMDI2MDEwMTA4MDAwMA==";
  static final String BODY_MD5 = "76d74deb0868f88fd15f1731cadfec0f";
  /** MD5(parleydevappid + parleydevapptoken + BODY_MD5 + 1700000000123). */
  static final String CALLBACK_CHECKSUM = "eb3f91662f32e9d39d1448b8783a4eba";

  static String md5Hex(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  @DisplayName("timestamp")
  class Timestamp {
    @Test
    @DisplayName("the vendor zone is UTC+8")
    void zone() {
      assertEquals(ZoneOffset.ofHours(8), YuntongxunAuth.VENDOR_ZONE);
    }

    @Test
    @DisplayName("2026-01-01T00:00:00Z renders as 20260101080000, and parses back")
    void newYear() {
      Instant t = Instant.parse("2026-01-01T00:00:00Z");

      assertEquals("20260101080000", YuntongxunAuth.timestamp(t));
      assertEquals(Optional.of(t), YuntongxunAuth.parseTimestamp("20260101080000"));
    }

    @Test
    @DisplayName("16:00 UTC is already the next day in UTC+8, and fractions of a second are dropped")
    void nextDayAndFractions() {
      assertEquals("20260101000000", YuntongxunAuth.timestamp(Instant.parse("2025-12-31T16:00:00.999Z")));
      assertEquals("20240229235959", YuntongxunAuth.timestamp(Instant.parse("2024-02-29T15:59:59Z")));
    }

    @Test
    @DisplayName("any whole-second instant survives timestamp then parseTimestamp")
    void roundTrip() {
      Random random = new Random(8);
      long from = Instant.parse("1990-01-01T00:00:00Z").getEpochSecond();
      long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
      for (int i = 0; i < 1_000; i++) {
        Instant t = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
        String ts = YuntongxunAuth.timestamp(t);
        assertTrue(ts.matches("\\d{14}"), ts);
        assertEquals(Optional.of(t), YuntongxunAuth.parseTimestamp(ts), ts);
      }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "2026010108000", "202601010800000", "2026-01-01 08:00", "2026010108000a",
        "20261301080000", "20260230080000", "20250229080000", "20260101240000", "20260101086000", "20260101080060",
        "20260001080000", "20260100080000", "+2026010108000", " 2026010108000",
        "２０２６０１０１０８００００",
        "1767225600"})
    @DisplayName("parseTimestamp is empty for anything that is not a real yyyyMMddHHmmss time")
    void malformed(String s) {
      assertEquals(Optional.empty(), YuntongxunAuth.parseTimestamp(s));
    }

    @Test
    @DisplayName("parseTimestamp is empty for null, and accepts 29 February of a leap year")
    void nullAndLeapDay() {
      assertEquals(Optional.empty(), YuntongxunAuth.parseTimestamp(null));
      assertEquals(Optional.of(Instant.parse("2024-02-29T00:00:00Z")), YuntongxunAuth.parseTimestamp("20240229080000"));
    }

    @Test
    @DisplayName("an instant whose year has more than four digits is refused")
    void farFuture() {
      assertThrows(IllegalArgumentException.class,
          () -> YuntongxunAuth.timestamp(Instant.parse("+10000-01-01T00:00:00Z")));
    }
  }

  @Nested
  @DisplayName("sig and Authorization")
  class SigAndAuthorization {
    @Test
    @DisplayName("sig equals a value computed once with md5sum, in upper case")
    void sigLiteral() {
      assertEquals(SIG, YuntongxunAuth.sig(SID, TOKEN, TS));
    }

    @Test
    @DisplayName("sig is the upper-case hex MD5 of AccountSid + AuthToken + timestamp, as computed here")
    void sigDefinition() throws Exception {
      String sid = "aaf98f89488d0aad0148ef2386b2a1c0";
      String token = "7c7b4f0a8e2d4c4e9d3a1b0f5e6d7c8b";

      assertEquals(md5Hex(sid + token + "20260921221320").toUpperCase(Locale.ROOT),
          YuntongxunAuth.sig(sid, token, "20260921221320"));
      assertTrue(YuntongxunAuth.sig(sid, token, TS).matches("[0-9A-F]{32}"));
    }

    @Test
    @DisplayName("Authorization equals a value computed once with base64, and decodes to AccountSid:timestamp")
    void authorization() {
      String header = YuntongxunAuth.authorization(SID, TS);

      assertEquals(AUTHORIZATION, header);
      assertEquals(SID + ":" + TS, new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("sigMatches accepts upper, lower and mixed case")
    void matchesAnyCase() {
      assertTrue(YuntongxunAuth.sigMatches(SID, TOKEN, TS, SIG));
      assertTrue(YuntongxunAuth.sigMatches(SID, TOKEN, TS, SIG.toLowerCase(Locale.ROOT)));
      assertTrue(YuntongxunAuth.sigMatches(SID, TOKEN, TS, "3e1652C1BF6A6F2BB6A65F2D88987071"));
    }

    @Test
    @DisplayName("sigMatches refuses another token, timestamp or account, a changed character, and nulls")
    void mismatches() {
      assertFalse(YuntongxunAuth.sigMatches(SID, TOKEN + "x", TS, SIG));
      assertFalse(YuntongxunAuth.sigMatches(SID, TOKEN, "20260101080001", SIG));
      assertFalse(YuntongxunAuth.sigMatches(SID + "x", TOKEN, TS, SIG));
      assertFalse(YuntongxunAuth.sigMatches(SID, TOKEN, TS, "4E1652C1BF6A6F2BB6A65F2D88987071"));
      assertFalse(YuntongxunAuth.sigMatches(SID, TOKEN, TS, SIG.substring(1)));
      assertFalse(YuntongxunAuth.sigMatches(SID, TOKEN, TS, null));
      assertFalse(YuntongxunAuth.sigMatches(null, TOKEN, TS, SIG));
      assertFalse(YuntongxunAuth.sigMatches(SID, null, TS, SIG));
      assertFalse(YuntongxunAuth.sigMatches(SID, TOKEN, null, SIG));
    }

    @Test
    @DisplayName("an empty auth token never matches and cannot sign")
    void emptyAuthToken() throws Exception {
      String withoutToken = md5Hex(SID + TS).toUpperCase(Locale.ROOT);

      assertFalse(YuntongxunAuth.sigMatches(SID, "", TS, withoutToken));
      assertThrows(IllegalArgumentException.class, () -> YuntongxunAuth.sig(SID, "", TS));
    }
  }

  @Nested
  @DisplayName("callback CheckSum")
  class Callback {
    @Test
    @DisplayName("equals a value computed once with md5sum")
    void literal() {
      assertEquals(CALLBACK_CHECKSUM,
          YuntongxunAuth.callbackCheckSum("parleydevappid", "parleydevapptoken", BODY_MD5, "1700000000123"));
    }

    @Test
    @DisplayName("is the lower-case hex MD5 (not SHA-1) of AppId + AppToken + MD5 + CurTime, as computed here")
    void definition() throws Exception {
      String checkSum = YuntongxunAuth.callbackCheckSum("app", "tok", BODY_MD5, "1");

      assertEquals(md5Hex("app" + "tok" + BODY_MD5 + "1"), checkSum);
      assertTrue(checkSum.matches("[0-9a-f]{32}"), checkSum);
    }

    @Test
    @DisplayName("refuses an empty app token")
    void emptyAppToken() {
      assertThrows(IllegalArgumentException.class,
          () -> YuntongxunAuth.callbackCheckSum("parleydevappid", "", BODY_MD5, "1"));
    }
  }
}
