package io.parley.protocol.credential.rongcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Rongcloud Server API signature")
class RongcloudApiSignatureTest {
  // The vendor's published example.
  static final String SECRET = "Y1W2MeFwwwRxa0";
  static final String NONCE = "14314";
  static final String TIMESTAMP = "1408710653000";
  static final String SIGNATURE = "30be0bbca9c9b2e27578701e9fda2358a814c88f";

  static String sha1Hex(String text) throws Exception {
    return HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("signs the vendor's published example to the published signature")
  void vendorExample() {
    assertEquals(SIGNATURE, RongcloudApiSignature.sign(SECRET, NONCE, TIMESTAMP));
  }

  @Test
  @DisplayName("signs an SDK-style request (decimal nonce, seconds) to a value computed once with sha1sum")
  void sdkStyleLiteral() {
    assertEquals("f8486ecf6af99c5905a83ed4ec286b85ecdaff2e",
        RongcloudApiSignature.sign("parley-dev-rong-secret", "123456.78912345", "1700000000"));
  }

  @Test
  @DisplayName("is the lower-case hex SHA-1 of secret + nonce + timestamp, as computed here with MessageDigest")
  void definition() throws Exception {
    String nonce = "0.8734629384756";
    String timestamp = "1790000000";

    assertEquals(sha1Hex("密钥-secret" + nonce + timestamp),
        RongcloudApiSignature.sign("密钥-secret", nonce, timestamp));
    assertTrue(RongcloudApiSignature.sign("s", "n", "t").matches("[0-9a-f]{40}"));
  }

  @Test
  @DisplayName("matches the signature in lower, upper or mixed case")
  void matchesAnyCase() {
    assertTrue(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, SIGNATURE));
    assertTrue(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, SIGNATURE.toUpperCase(Locale.ROOT)));
    assertTrue(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, "30BE0bbca9c9b2e27578701e9fda2358a814c88F"));
  }

  @Test
  @DisplayName("does not match another secret, nonce or timestamp, or a signature with one character changed")
  void mismatches() {
    assertFalse(RongcloudApiSignature.matches(SECRET + "x", NONCE, TIMESTAMP, SIGNATURE));
    assertFalse(RongcloudApiSignature.matches(SECRET, "14315", TIMESTAMP, SIGNATURE));
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, "1408710653001", SIGNATURE));
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, "40be0bbca9c9b2e27578701e9fda2358a814c88f"));
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, SIGNATURE.substring(1)));
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, SIGNATURE + "0"));
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, ""));
  }

  @Test
  @DisplayName("is false, not an exception, for null arguments or an empty secret")
  void nullsAndEmptySecret() throws Exception {
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, TIMESTAMP, null));
    assertFalse(RongcloudApiSignature.matches(null, NONCE, TIMESTAMP, SIGNATURE));
    assertFalse(RongcloudApiSignature.matches(SECRET, null, TIMESTAMP, SIGNATURE));
    assertFalse(RongcloudApiSignature.matches(SECRET, NONCE, null, SIGNATURE));
    String withoutSecret = sha1Hex(NONCE + TIMESTAMP);
    assertFalse(RongcloudApiSignature.matches("", NONCE, TIMESTAMP, withoutSecret),
        "an app without a secret must not accept a signature anyone can compute");
  }

  @Test
  @DisplayName("sign refuses an empty secret")
  void signRefusesEmptySecret() {
    assertThrows(IllegalArgumentException.class, () -> RongcloudApiSignature.sign("", NONCE, TIMESTAMP));
  }

  @Test
  @DisplayName("a timestamp of 10^11 or more is milliseconds and passes through")
  void milliseconds() {
    assertEquals(1_408_710_653_000L, RongcloudApiSignature.timestampMillis("1408710653000"));
    assertEquals(100_000_000_000L, RongcloudApiSignature.timestampMillis("100000000000"));
    assertEquals(Long.MAX_VALUE, RongcloudApiSignature.timestampMillis(Long.toString(Long.MAX_VALUE)));
  }

  @Test
  @DisplayName("a timestamp below 10^11 is seconds, as the published Java SDK sends, and is multiplied by 1000")
  void seconds() {
    assertEquals(1_408_710_653_000L, RongcloudApiSignature.timestampMillis("1408710653"));
    assertEquals(99_999_999_999_000L, RongcloudApiSignature.timestampMillis("99999999999"));
    assertEquals(0L, RongcloudApiSignature.timestampMillis("0"));
    assertEquals(1_000L, RongcloudApiSignature.timestampMillis("0001"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "abc", "-5", "+5", " 1408710653", "1408710653 ", "1.5", "1e3", "0x10", "１２３"})
  @DisplayName("anything but plain decimal digits is refused with a message that names the Timestamp")
  void notANumber(String timestamp) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RongcloudApiSignature.timestampMillis(timestamp));
    assertTrue(e.getMessage().startsWith("Timestamp "), e.getMessage());
  }

  @Test
  @DisplayName("a missing or out-of-range timestamp is refused")
  void missingOrHuge() {
    assertThrows(IllegalArgumentException.class, () -> RongcloudApiSignature.timestampMillis(null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RongcloudApiSignature.timestampMillis("99999999999999999999"));
    assertTrue(e.getMessage().contains("out of range"), e.getMessage());
  }
}
