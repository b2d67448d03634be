package io.parley.protocol.credential.rongcloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.credential.rongcloud.RongcloudTokenCheck.Outcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Rongcloud token (issued by Parley)")
class RongcloudTokenTest {
  static final String APP_KEY = "parley-dev-rong";
  static final String SECRET = "parley-dev-rong-secret";
  static final byte[] KEY = RongcloudToken.signingKey(SECRET);
  static final long NOW = 1_790_000_000_000L; // 2026-09-21T14:13:20Z
  static final byte[] NONCE = {1, 2, 3, 4, 5, 6, 7, 8};

  /** Made once with Python's hmac/struct/base64 from the format description, for alice at NOW with NONCE. */
  static final String PYTHON_TOKEN_ALICE =
      "RC1.AQAAAaDEUGwAAQIDBAUGBwgPcGFybGV5LWRldi1yb25nAAVhbGljZQ.A33aojt7GHTKyCIH9aExPQDNO2WTz9JSwsfh17GxeEA";
  /** The same for user "用户". */
  static final String PYTHON_TOKEN_CHINESE =
      "RC1.AQAAAaDEUGwAAQIDBAUGBwgPcGFybGV5LWRldi1yb25nAAbnlKjmiLc.opo6SOYyidDA-VEVWI3oP64Y_Z2IK1LCqCbTfy4RAk0";

  static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  static byte[] hmacSha256(byte[] key, byte[] data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  /** A payload laid out as documented, built here independently of the class under test. */
  static byte[] payload(int version, long issuedAt, byte[] appKey, byte[] userId) {
    return ByteBuffer.allocate(1 + 8 + 8 + 1 + appKey.length + 2 + userId.length)
        .put((byte) version).putLong(issuedAt).put(NONCE)
        .put((byte) appKey.length).put(appKey)
        .putShort((short) userId.length).put(userId)
        .array();
  }

  static byte[] payload(String appKey, String userId) {
    return payload(1, NOW, appKey.getBytes(StandardCharsets.UTF_8), userId.getBytes(StandardCharsets.UTF_8));
  }

  /** Any bytes as a correctly signed token, so that only the payload's structure can be wrong. */
  static String seal(byte[] payload, byte[] key) throws Exception {
    String signed = "RC1." + B64.encodeToString(payload);
    return signed + "." + B64.encodeToString(hmacSha256(key, signed.getBytes(StandardCharsets.US_ASCII)));
  }

  static String seal(byte[] payload) throws Exception {
    return seal(payload, KEY);
  }

  static RongcloudTokenCheck check(String token) {
    return RongcloudToken.check(token, APP_KEY, KEY, "");
  }

  static void assertOutcome(Outcome expected, RongcloudTokenCheck actual) {
    assertEquals(expected, actual.outcome(), actual.reason());
    assertFalse(actual.reason().isBlank());
    assertFalse(actual.reason().contains(SECRET), "the reason must not reveal the secret");
    assertFalse(actual.reason().contains(HexFormat.of().formatHex(KEY)), "the reason must not reveal the key");
    assertFalse(actual.reason().contains(Base64.getEncoder().encodeToString(KEY)));
    assertFalse(actual.reason().contains(B64.encodeToString(KEY)));
    assertEquals(expected == Outcome.UNDECODABLE, actual.decodedOrNull() == null,
        "decoded fields are present exactly when the token could be read");
  }

  static String undecodableReason(String token) {
    RongcloudTokenCheck result = check(token);
    assertOutcome(Outcome.UNDECODABLE, result);
    RongcloudTokenFormatException e = assertThrows(RongcloudTokenFormatException.class,
        () -> RongcloudToken.decode(token));
    assertEquals(e.getMessage(), result.reason(), "check reports decode's message");
    return result.reason();
  }

  @Nested
  @DisplayName("signing key")
  class SigningKey {
    @Test
    @DisplayName("is HMAC-SHA256 of \"parley rongcloud token v1\" keyed by the App Secret")
    void derivation() throws Exception {
      byte[] expected = hmacSha256(SECRET.getBytes(StandardCharsets.UTF_8),
          "parley rongcloud token v1".getBytes(StandardCharsets.UTF_8));

      assertArrayEquals(expected, RongcloudToken.signingKey(SECRET));
    }

    @Test
    @DisplayName("matches a value computed once with Python's hmac module")
    void literal() {
      assertEquals("87e42be2d7e59e68e16ea9d21c7d8b2d6f63ed421eabbef40f7ec0c9f4bf28a0",
          HexFormat.of().formatHex(RongcloudToken.signingKey(SECRET)));
    }

    @Test
    @DisplayName("changes with the secret, so rotating the secret refuses every earlier token")
    void rotation() {
      String token = RongcloudToken.issue(APP_KEY, "alice", NOW, KEY);
      byte[] rotated = RongcloudToken.signingKey(SECRET + "-2");

      assertFalse(Arrays.equals(KEY, rotated));
      assertOutcome(Outcome.OK, check(token));
      assertOutcome(Outcome.BAD_SIGNATURE, RongcloudToken.check(token, APP_KEY, rotated, ""));
    }

    @Test
    @DisplayName("is refused for a null or empty secret")
    void emptySecret() {
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.signingKey(""));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.signingKey(null));
    }
  }

  @Nested
  @DisplayName("issue and decode")
  class IssueAndDecode {
    @Test
    @DisplayName("tokens made by an independent implementation (Python) decode and check OK")
    void independentTokens() throws Exception {
      assertEquals(new DecodedRongcloudToken(APP_KEY, "alice", NOW), RongcloudToken.decode(PYTHON_TOKEN_ALICE));
      assertOutcome(Outcome.OK, RongcloudToken.check(PYTHON_TOKEN_ALICE, APP_KEY, KEY, "alice"));
      assertEquals(new DecodedRongcloudToken(APP_KEY, "用户", NOW), RongcloudToken.decode(PYTHON_TOKEN_CHINESE));
      assertOutcome(Outcome.OK, RongcloudToken.check(PYTHON_TOKEN_CHINESE, APP_KEY, KEY, "用户"));
    }

    @Test
    @DisplayName("an issued token decodes to the App Key, user id and issue time it was made from, and checks OK")
    void roundTrip() throws Exception {
      String token = RongcloudToken.issue(APP_KEY, "alice", NOW, KEY);

      DecodedRongcloudToken d = RongcloudToken.decode(token);
      assertEquals(APP_KEY, d.appKey());
      assertEquals("alice", d.userId());
      assertEquals(NOW, d.issuedAtMillis());
      assertEquals("2026-09-21T14:13:20Z", d.issuedAt().toString());

      RongcloudTokenCheck result = RongcloudToken.check(token, APP_KEY, KEY, "alice");
      assertOutcome(Outcome.OK, result);
      assertTrue(result.isOk());
      assertEquals(d, result.decodedOrNull());
      assertOutcome(Outcome.OK, RongcloudToken.check(token, APP_KEY, KEY, ""));
      assertOutcome(Outcome.OK, RongcloudToken.check(token, APP_KEY, KEY, null));
    }

    @Test
    @DisplayName("an issued token has the documented layout: RC1, base64url payload, HMAC-SHA256 of the signed text")
    void layout() throws Exception {
      String token = RongcloudToken.issue(APP_KEY, "bob", NOW, KEY);
      String[] parts = token.split("\\.", -1);

      assertEquals(3, parts.length, token);
      assertEquals("RC1", parts[0]);
      assertTrue(token.matches("RC1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), token);
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      ByteBuffer in = ByteBuffer.wrap(payload);
      assertEquals(1, in.get());
      assertEquals(NOW, in.getLong());
      in.position(in.position() + 8);
      assertEquals(APP_KEY.length(), in.get());
      in.position(in.position() + APP_KEY.length());
      assertEquals(3, in.getShort());
      assertEquals("bob", new String(payload, in.position(), 3, StandardCharsets.UTF_8));
      assertEquals(payload.length, in.position() + 3);
      byte[] signature = hmacSha256(KEY, ("RC1." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      assertEquals(B64.encodeToString(signature), parts[2]);
    }

    @Test
    @DisplayName("two tokens issued for the same user in the same millisecond differ (random nonce), and both check OK")
    void nonce() {
      String first = RongcloudToken.issue(APP_KEY, "alice", NOW, KEY);
      String second = RongcloudToken.issue(APP_KEY, "alice", NOW, KEY);

      assertNotEquals(first, second);
      assertOutcome(Outcome.OK, check(first));
      assertOutcome(Outcome.OK, check(second));
    }

    @Test
    @DisplayName("the largest App Key (255 bytes) and user id (1024 bytes) fit within the 2048-character limit")
    void largest() throws Exception {
      String appKey = "k".repeat(RongcloudToken.MAX_APP_KEY_BYTES);
      String userId = "é".repeat(RongcloudToken.MAX_USER_ID_BYTES / 2); // two bytes each
      String token = RongcloudToken.issue(appKey, userId, Long.MAX_VALUE, KEY);

      assertTrue(token.length() <= RongcloudToken.MAX_TOKEN_CHARS, "length " + token.length());
      assertEquals(new DecodedRongcloudToken(appKey, userId, Long.MAX_VALUE), RongcloudToken.decode(token));
      assertOutcome(Outcome.OK, RongcloudToken.check(token, appKey, KEY, userId));
    }

    @Test
    @DisplayName("user ids with quotes, dots, newlines and non-ASCII survive the round trip")
    void awkwardUserId() throws Exception {
      String userId = "用户 \"q\" a.b\nc😀";
      String token = RongcloudToken.issue(APP_KEY, userId, NOW, KEY);

      assertEquals(userId, RongcloudToken.decode(token).userId());
      assertOutcome(Outcome.OK, RongcloudToken.check(token, APP_KEY, KEY, userId));
    }

    @Test
    @DisplayName("issue refuses an empty or oversized App Key or user id, broken Unicode and an empty signing key")
    void issueRefusesBadArguments() {
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue("", "alice", NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(null, "alice", NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, "", NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, null, NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue("k".repeat(256), "alice", NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue("é".repeat(128), "alice", NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, "u".repeat(1025), NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, "用".repeat(342), NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, "a\uD800b", NOW, KEY));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, "alice", NOW, new byte[0]));
      assertThrows(IllegalArgumentException.class, () -> RongcloudToken.issue(APP_KEY, "alice", NOW, null));

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RongcloudToken.issue(APP_KEY, "u".repeat(1025), NOW, KEY));
      assertTrue(e.getMessage().contains("1025") && e.getMessage().contains("1024"), e.getMessage());
    }
  }

  @Nested
  @DisplayName("check outcomes")
  class Outcomes {
    final String alice = RongcloudToken.issue(APP_KEY, "alice", NOW, KEY);

    @Test
    @DisplayName("OTHER_APP: a token naming another App Key is refused, and the reason names both keys")
    void otherApp() {
      RongcloudTokenCheck result = RongcloudToken.check(alice, "other-app", KEY, "alice");

      assertOutcome(Outcome.OTHER_APP, result);
      assertEquals("Token was issued for App Key \"parley-dev-rong\", not for \"other-app\".", result.reason());
      assertOutcome(Outcome.OTHER_APP, RongcloudToken.check(alice, null, KEY, "alice"));
    }

    @Test
    @DisplayName("BAD_SIGNATURE: a token issued under another app's secret is refused")
    void otherSecret() {
      String forged = RongcloudToken.issue(APP_KEY, "alice", NOW, RongcloudToken.signingKey("guessed-secret"));
      RongcloudTokenCheck result = check(forged);

      assertOutcome(Outcome.BAD_SIGNATURE, result);
      assertEquals("Token signature does not match: it was not issued by this server for this app's secret,"
          + " or it was altered.", result.reason());
    }

    @Test
    @DisplayName("BAD_SIGNATURE: another user's payload under alice's signature is refused")
    void swappedPayload() throws Exception {
      String bob = RongcloudToken.issue(APP_KEY, "bob", NOW, KEY);
      String spliced = bob.substring(0, bob.lastIndexOf('.')) + alice.substring(alice.lastIndexOf('.'));

      assertEquals("bob", RongcloudToken.decode(spliced).userId());
      assertOutcome(Outcome.BAD_SIGNATURE, check(spliced));
    }

    @Test
    @DisplayName("BAD_SIGNATURE: an edited issue time under the original signature is refused")
    void editedIssueTime() throws Exception {
      String python = PYTHON_TOKEN_ALICE;
      String signature = python.substring(python.lastIndexOf('.'));
      String edited = "RC1." + B64.encodeToString(payload(1, NOW + 1, APP_KEY.getBytes(StandardCharsets.UTF_8),
          "alice".getBytes(StandardCharsets.UTF_8))) + signature;

      assertEquals(NOW + 1, RongcloudToken.decode(edited).issuedAtMillis());
      assertOutcome(Outcome.BAD_SIGNATURE, check(edited));
    }

    @Test
    @DisplayName("BAD_SIGNATURE: flipping any one bit of the signature is refused")
    void flippedSignatureBits() throws Exception {
      byte[] mac = Base64.getUrlDecoder().decode(alice.substring(alice.lastIndexOf('.') + 1));
      String signed = alice.substring(0, alice.lastIndexOf('.') + 1);
      for (int bit = 0; bit < mac.length * 8; bit++) {
        byte[] flipped = mac.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        assertOutcome(Outcome.BAD_SIGNATURE, check(signed + B64.encodeToString(flipped)));
      }
    }

    @Test
    @DisplayName("BAD_SIGNATURE: without a configured signing key nothing verifies")
    void noKey() {
      assertOutcome(Outcome.BAD_SIGNATURE, RongcloudToken.check(alice, APP_KEY, null, ""));
      assertOutcome(Outcome.BAD_SIGNATURE, RongcloudToken.check(alice, APP_KEY, new byte[0], ""));
    }

    @Test
    @DisplayName("OTHER_USER: a genuine token of bob is refused when alice is expected, and the reason names both")
    void otherUser() {
      String bob = RongcloudToken.issue(APP_KEY, "bob", NOW, KEY);
      RongcloudTokenCheck result = RongcloudToken.check(bob, APP_KEY, KEY, "alice");

      assertOutcome(Outcome.OTHER_USER, result);
      assertEquals("Token was issued for user \"bob\", not for \"alice\".", result.reason());
      assertEquals("bob", result.decodedOrNull().userId());
    }

    @Test
    @DisplayName("checks run in order: format, then App Key, then signature, then user")
    void order() {
      String forgedBob = RongcloudToken.issue(APP_KEY, "bob", NOW, RongcloudToken.signingKey("guessed-secret"));

      assertOutcome(Outcome.UNDECODABLE, RongcloudToken.check("RC1.", "other-app", KEY, "alice"));
      assertOutcome(Outcome.OTHER_APP, RongcloudToken.check(forgedBob, "other-app", KEY, "alice"));
      assertOutcome(Outcome.BAD_SIGNATURE, RongcloudToken.check(forgedBob, APP_KEY, KEY, "alice"));
      assertOutcome(Outcome.OTHER_USER,
          RongcloudToken.check(RongcloudToken.issue(APP_KEY, "bob", NOW, KEY), APP_KEY, KEY, "alice"));
    }

    @Test
    @DisplayName("a reason quoting a user id with a newline or quote stays on one line")
    void reasonIsOneLine() {
      String odd = RongcloudToken.issue(APP_KEY, "mallory\nOK \"x\"", NOW, KEY);
      RongcloudTokenCheck result = RongcloudToken.check(odd, APP_KEY, KEY, "alice");

      assertOutcome(Outcome.OTHER_USER, result);
      assertFalse(result.reason().contains("\n"), result.reason());
      assertTrue(result.reason().contains("\\\"x\\\""), result.reason());
    }
  }

  @Nested
  @DisplayName("UNDECODABLE: anything that is not a well-formed RC1 token, each with its own message")
  class Undecodable {
    final String valid = RongcloudToken.issue(APP_KEY, "alice", NOW, KEY);

    @Test
    @DisplayName("null and empty")
    void nullAndEmpty() {
      assertEquals("Token is missing.", undecodableReason(null));
      assertEquals("Token is empty.", undecodableReason(""));
    }

    @Test
    @DisplayName("a token longer than 2048 characters is refused before any decoding")
    void tooLong() {
      String reason = undecodableReason("RC1." + "A".repeat(RongcloudToken.MAX_TOKEN_CHARS));

      assertTrue(reason.contains("2052") && reason.contains("2048"), reason);
    }

    @Test
    @DisplayName("a token without the RC1. prefix")
    void wrongPrefix() {
      String rest = valid.substring(4);
      for (String token : new String[] {rest, "RC2." + rest, "rc1." + rest, "RC1" + rest, " " + valid}) {
        assertTrue(undecodableReason(token).contains("does not start with \"RC1.\""), token);
      }
    }

    @Test
    @DisplayName("a token with a missing signature part or an extra part")
    void wrongParts() {
      assertTrue(undecodableReason(valid.substring(0, valid.lastIndexOf('.'))).contains("no signature part"));
      assertTrue(undecodableReason(valid + ".x").contains("more than one dot"));
    }

    @Test
    @DisplayName("a payload or signature that is not base64url: '+', '/', spaces, other symbols")
    void notBase64Url() {
      int dot = valid.lastIndexOf('.');
      for (String bad : new String[] {"+", "/", " ", "!", "é"}) {
        assertTrue(undecodableReason("RC1." + bad + valid.substring(4)).contains("payload is not base64url"), bad);
        assertTrue(undecodableReason(valid.substring(0, dot + 1) + bad + valid.substring(dot + 2))
            .contains("signature is not base64url"), bad);
      }
    }

    @Test
    @DisplayName("padding or stray low bits: every token has exactly one spelling")
    void notCanonical() throws Exception {
      byte[] whole = payload(APP_KEY, "alic"); // 18 + 15 + 2 + 4 = 39 bytes: 52 characters, no spare bits
      String token = seal(Arrays.copyOf(whole, 40)); // 40 bytes: 54 characters, the last with 4 spare bits
      String payloadPart = token.substring(4, token.lastIndexOf('.'));
      String signature = token.substring(token.lastIndexOf('.'));
      char last = payloadPart.charAt(payloadPart.length() - 1);
      char sameByteOtherSpareBits = (char) (last + 1);

      assertTrue(undecodableReason("RC1." + payloadPart + "==" + signature).contains("canonical"));
      assertTrue(undecodableReason("RC1." + payloadPart.substring(0, payloadPart.length() - 1)
          + sameByteOtherSpareBits + signature).contains("canonical"));
      assertTrue(undecodableReason(valid + "=").contains("canonical"));
    }

    @Test
    @DisplayName("a payload cut short anywhere, even when correctly signed")
    void truncatedPayload() throws Exception {
      byte[] full = payload(APP_KEY, "alice");
      assertEquals("Token payload is empty.", undecodableReason(seal(new byte[0])));
      for (int length = 1; length < full.length; length++) {
        String reason = undecodableReason(seal(Arrays.copyOf(full, length)));
        assertTrue(reason.startsWith("Token payload is truncated: it ends inside the "), length + ": " + reason);
      }
      assertTrue(undecodableReason(seal(Arrays.copyOf(full, 5))).contains("issue time"));
      assertTrue(undecodableReason(seal(Arrays.copyOf(full, 12))).contains("nonce"));
      assertTrue(undecodableReason(seal(Arrays.copyOf(full, full.length - 1))).contains("user id"));
    }

    @Test
    @DisplayName("every prefix of a valid token is refused")
    void truncatedToken() {
      for (int length = 0; length < valid.length(); length++) {
        RongcloudTokenCheck result = check(valid.substring(0, length));
        assertNotEquals(Outcome.OK, result.outcome(), "prefix of length " + length);
      }
    }

    @Test
    @DisplayName("bytes after the user id, even when correctly signed")
    void trailingBytes() throws Exception {
      byte[] full = payload(APP_KEY, "alice");
      String reason = undecodableReason(seal(Arrays.copyOf(full, full.length + 2)));

      assertEquals("Token payload has 2 unexpected bytes after the user id.", reason);
    }

    @Test
    @DisplayName("a payload version other than 1, even when correctly signed")
    void unknownVersion() throws Exception {
      byte[] app = APP_KEY.getBytes(StandardCharsets.UTF_8);
      byte[] user = "alice".getBytes(StandardCharsets.UTF_8);

      assertEquals("Token payload version is 2; only version 1 is supported.",
          undecodableReason(seal(payload(2, NOW, app, user))));
      assertTrue(undecodableReason(seal(payload(0, NOW, app, user))).contains("version is 0"));
      assertTrue(undecodableReason(seal(payload(255, NOW, app, user))).contains("version is 255"));
    }

    @Test
    @DisplayName("an empty App Key or user id, or one that is not UTF-8")
    void badFields() throws Exception {
      byte[] app = APP_KEY.getBytes(StandardCharsets.UTF_8);
      byte[] user = "alice".getBytes(StandardCharsets.UTF_8);
      byte[] notUtf8 = {'a', (byte) 0xc3, 'b'};

      assertEquals("Token names an empty App Key.", undecodableReason(seal(payload(1, NOW, new byte[0], user))));
      assertEquals("Token names an empty user id.", undecodableReason(seal(payload(1, NOW, app, new byte[0]))));
      assertEquals("Token App Key is not valid UTF-8.", undecodableReason(seal(payload(1, NOW, notUtf8, user))));
      assertEquals("Token user id is not valid UTF-8.", undecodableReason(seal(payload(1, NOW, app, notUtf8))));
    }

    @Test
    @DisplayName("a signature of the wrong length")
    void shortSignature() {
      String signed = valid.substring(0, valid.lastIndexOf('.') + 1);

      assertEquals("Token signature is 16 bytes long; an HMAC-SHA256 signature is 32.",
          undecodableReason(signed + B64.encodeToString(new byte[16])));
      assertTrue(undecodableReason(signed).contains("0 bytes"));
    }

    @Test
    @DisplayName("random garbage, in the token alphabet and outside it, never passes and never throws")
    void garbage() {
      Random random = new Random(42);
      String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
      for (int i = 0; i < 2_000; i++) {
        int length = random.nextInt(200);
        StringBuilder inAlphabet = new StringBuilder("RC1.");
        StringBuilder anything = new StringBuilder();
        for (int j = 0; j < length; j++) {
          inAlphabet.append(alphabet.charAt(random.nextInt(alphabet.length())));
          anything.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        RongcloudTokenCheck a = check(inAlphabet.toString());
        assertTrue(a.outcome() == Outcome.UNDECODABLE || a.outcome() == Outcome.OTHER_APP, a.reason());
        assertOutcome(Outcome.UNDECODABLE, check(anything.toString()));
      }
    }

    @Test
    @DisplayName("no format message repeats the token's signature")
    void messagesDoNotEchoTheToken() throws Exception {
      byte[] full = payload(APP_KEY, "alice");
      String token = seal(Arrays.copyOf(full, full.length + 1));
      String signature = token.substring(token.lastIndexOf('.') + 1);

      assertFalse(undecodableReason(token).contains(signature));
      assertNull(check(token).decodedOrNull());
      assertNotNull(check(valid).decodedOrNull());
    }
  }
}
