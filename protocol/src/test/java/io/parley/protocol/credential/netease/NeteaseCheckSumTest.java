package io.parley.protocol.credential.netease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NetEase Yunxin CheckSum")
class NeteaseCheckSumTest {
  static final String SECRET = "parley-dev-nim-secret";
  static final byte[] BODY = "{\"eventType\":\"1\",\"fromAccount\":\"alice\",\"body\":\"你好\"}"
      .getBytes(StandardCharsets.UTF_8);

  // Computed once outside Java with sha1sum / md5sum over the documented concatenations.
  /** SHA-1(SECRET + 4tgggergigwow323t23t + 1443592222). */
  static final String REST_CHECKSUM = "357259836eba28b76d2d69d1dbe40c8753186dfd";
  static final String NON_ASCII_CHECKSUM = "537895a6c4e8f60213d8a1fdd0cb2b53a8ea0dc0"; // 秘密 + nonce + 1700000000
  static final String BODY_MD5 = "76d74deb0868f88fd15f1731cadfec0f";
  static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";
  /** SHA-1(SECRET + BODY_MD5 + 1700000000123). */
  static final String CALLBACK_CHECKSUM = "09f8183dd32eb9edd46c12eb036e5c20a2047565";

  static String hex(String algorithm, byte[] input) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("the REST CheckSum equals a value computed once with sha1sum")
  void restLiteral() {
    assertEquals(REST_CHECKSUM, NeteaseCheckSum.checkSum(SECRET, "4tgggergigwow323t23t", "1443592222"));
    assertEquals(NON_ASCII_CHECKSUM, NeteaseCheckSum.checkSum("秘密", "nonce", "1700000000"));
  }

  @Test
  @DisplayName("the REST CheckSum is the lower-case hex SHA-1 of AppSecret + Nonce + CurTime, as computed here")
  void restDefinition() throws Exception {
    String nonce = "6f1e3a0b9c2d4e5f8a7b6c5d4e3f2a1b"; // the vendor SDK's dash-less UUID shape
    String curTime = "1790000000";

    assertEquals(hex("SHA-1", utf8(SECRET + nonce + curTime)), NeteaseCheckSum.checkSum(SECRET, nonce, curTime));
    assertTrue(NeteaseCheckSum.checkSum(SECRET, nonce, curTime).matches("[0-9a-f]{40}"));
  }

  @Test
  @DisplayName("the CheckSum changes with each of secret, nonce and time")
  void restSensitivity() {
    String base = NeteaseCheckSum.checkSum(SECRET, "n", "1");

    assertNotEquals(base, NeteaseCheckSum.checkSum(SECRET + "x", "n", "1"));
    assertNotEquals(base, NeteaseCheckSum.checkSum(SECRET, "m", "1"));
    assertNotEquals(base, NeteaseCheckSum.checkSum(SECRET, "n", "2"));
  }

  @Test
  @DisplayName("the body MD5 is the lower-case hex MD5 of the raw bytes, as computed once with md5sum and here")
  void bodyMd5() throws Exception {
    assertEquals(BODY_MD5, NeteaseCheckSum.md5Hex(BODY));
    assertEquals(EMPTY_MD5, NeteaseCheckSum.md5Hex(new byte[0]));
    byte[] binary = {0, (byte) 0xff, 0x10, (byte) 0x80};
    assertEquals(hex("MD5", binary), NeteaseCheckSum.md5Hex(binary));
  }

  @Test
  @DisplayName("the callback CheckSum is SHA-1 of AppSecret + MD5 + CurTime, as computed once with sha1sum and here")
  void callback() throws Exception {
    String curTime = "1700000000123"; // milliseconds in callbacks

    assertEquals(CALLBACK_CHECKSUM, NeteaseCheckSum.callbackCheckSum(SECRET, BODY_MD5, curTime));
    assertEquals(hex("SHA-1", utf8(SECRET + hex("MD5", BODY) + curTime)),
        NeteaseCheckSum.callbackCheckSum(SECRET, NeteaseCheckSum.md5Hex(BODY), curTime));
  }

  @Test
  @DisplayName("an empty App Secret is refused rather than signing with nothing")
  void emptySecret() {
    assertThrows(IllegalArgumentException.class, () -> NeteaseCheckSum.checkSum("", "n", "1"));
    assertThrows(IllegalArgumentException.class, () -> NeteaseCheckSum.callbackCheckSum("", BODY_MD5, "1"));
  }

  @Test
  @DisplayName("matches ignores case, refuses any difference, and is false for null, empty and non-hex input")
  void matches() {
    assertTrue(NeteaseCheckSum.matches(REST_CHECKSUM, REST_CHECKSUM));
    assertTrue(NeteaseCheckSum.matches(REST_CHECKSUM, REST_CHECKSUM.toUpperCase(Locale.ROOT)));
    assertTrue(NeteaseCheckSum.matches(REST_CHECKSUM.toUpperCase(Locale.ROOT), REST_CHECKSUM));

    assertFalse(NeteaseCheckSum.matches(REST_CHECKSUM, "457259836eba28b76d2d69d1dbe40c8753186dfd"));
    assertFalse(NeteaseCheckSum.matches(REST_CHECKSUM, REST_CHECKSUM.substring(0, 39)));
    assertFalse(NeteaseCheckSum.matches(REST_CHECKSUM, CALLBACK_CHECKSUM));
    assertFalse(NeteaseCheckSum.matches(REST_CHECKSUM, null));
    assertFalse(NeteaseCheckSum.matches(null, REST_CHECKSUM));
    assertFalse(NeteaseCheckSum.matches(null, null));
    assertFalse(NeteaseCheckSum.matches("", ""));
    assertFalse(NeteaseCheckSum.matches("xyz", "xyz"));
    assertFalse(NeteaseCheckSum.matches("ab cd", "ab cd"));
  }
}
