package io.parley.protocol.credential.tencent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.protocol.credential.tencent.UserSigCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Tencent UserSig")
class UserSigTest {
  static final long APP = 1_400_000_000L;
  static final String KEY = "parley-dev-tencent-key";
  static final long NOW = 1_790_000_000L; // 2026-09-21T14:13:20Z
  static final long DAY = 86_400L;
  static final byte[] USERBUF = {0, 1, 2, (byte) 0xfe, (byte) 0xff, 'x'};

  static UserSigCheck check(String userSig) {
    return UserSig.check(userSig, APP, KEY, "alice", NOW);
  }

  static void assertOutcome(Outcome expected, UserSigCheck actual) {
    assertEquals(expected, actual.outcome(), actual.reason());
    assertFalse(actual.reason().contains(KEY), "the reason must not reveal the key");
    assertFalse(actual.reason().isBlank());
  }

  @Nested
  @DisplayName("round trip")
  class RoundTrip {
    @Test
    @DisplayName("a UserSig without userbuf decodes to the fields it was made from and checks OK")
    void withoutUserbuf() throws Exception {
      String sig = UserSig.generate(APP, KEY, "alice", DAY, null, NOW);

      DecodedUserSig d = UserSig.decode(sig);
      assertEquals("2.0", d.version());
      assertEquals("alice", d.identifier());
      assertEquals(APP, d.sdkAppId());
      assertEquals(NOW, d.time());
      assertEquals(DAY, d.expire());
      assertEquals(NOW + DAY, d.expiresAtEpochSeconds());
      assertNull(d.userbufOrNull());

      UserSigCheck result = check(sig);
      assertOutcome(Outcome.OK, result);
      assertEquals(0, result.outcome().code());
      assertTrue(result.isOk());
      assertEquals(d, result.decodedOrNull());
    }

    @Test
    @DisplayName("a UserSig with userbuf carries the same bytes back and checks OK")
    void withUserbuf() throws Exception {
      String sig = UserSig.generate(APP, KEY, "alice", DAY, USERBUF, NOW);

      assertArrayEquals(USERBUF, UserSig.decode(sig).userbufOrNull());
      assertOutcome(Outcome.OK, check(sig));
    }

    @Test
    @DisplayName("identifiers with quotes, slashes, newlines and non-ASCII survive the round trip")
    void awkwardIdentifier() throws Exception {
      String id = "用户 \"q\" </x> a\\b\nc\u2028";
      String sig = UserSig.generate(APP, KEY, id, DAY, null, NOW);

      assertEquals(id, UserSig.decode(sig).identifier());
      assertOutcome(Outcome.OK, UserSig.check(sig, APP, KEY, id, NOW));
    }

    @Test
    @DisplayName("a large userbuf is not cut short (the official 2.0 signer would cut its output at 2048 bytes)")
    void largeUserbuf() throws Exception {
      byte[] big = new byte[16 * 1024];
      new Random(7).nextBytes(big);
      String sig = UserSig.generate(APP, KEY, "alice", DAY, big, NOW);

      assertArrayEquals(big, UserSig.decode(sig).userbufOrNull());
      assertOutcome(Outcome.OK, check(sig));
    }

    @Test
    @DisplayName("the UserSig is valid up to the second before time + expire, and expired from that second on")
    void expiryBoundary() {
      String sig = UserSig.generate(APP, KEY, "alice", DAY, null, NOW);

      assertOutcome(Outcome.OK, UserSig.check(sig, APP, KEY, "alice", NOW + DAY - 1));
      assertOutcome(Outcome.EXPIRED, UserSig.check(sig, APP, KEY, "alice", NOW + DAY));
    }

    @Test
    @DisplayName("generate refuses an empty key and negative numbers")
    void generateRefusesBadArguments() {
      assertThrows(IllegalArgumentException.class, () -> UserSig.generate(APP, "", "alice", DAY, null, NOW));
      assertThrows(IllegalArgumentException.class, () -> UserSig.generate(APP, null, "alice", DAY, null, NOW));
      assertThrows(IllegalArgumentException.class, () -> UserSig.generate(APP, KEY, "alice", -1, null, NOW));
      assertThrows(IllegalArgumentException.class, () -> UserSig.generate(-1, KEY, "alice", DAY, null, NOW));
    }

    @Test
    @DisplayName("the decoded record's toString leaves out the signature")
    void toStringHidesSig() throws Exception {
      DecodedUserSig d = UserSig.decode(UserSig.generate(APP, KEY, "alice", DAY, null, NOW));

      assertFalse(d.toString().contains(d.sig()), d.toString());
      assertTrue(d.toString().contains("alice"));
    }
  }

  @Nested
  @DisplayName("each refusal has its vendor code")
  class Refusals {
    final String valid = UserSig.generate(APP, KEY, "alice", DAY, USERBUF, NOW);

    @Test
    @DisplayName("70001: past time + expire the UserSig is expired, and the reason says when")
    void expired() {
      UserSigCheck result = UserSig.check(valid, APP, KEY, "alice", NOW + 2 * DAY);

      assertOutcome(Outcome.EXPIRED, result);
      assertEquals(70001, result.outcome().code());
      assertTrue(result.reason().contains("2026-09-22T14:13:20Z"), result.reason());
      assertTrue(result.reason().contains("86400 s"), result.reason());
      assertNotNull(result.decodedOrNull());
    }

    @Test
    @DisplayName("70014: a UserSig of another app is refused")
    void otherApp() {
      UserSigCheck result = UserSig.check(valid, APP + 1, KEY, "alice", NOW);

      assertOutcome(Outcome.SDKAPPID_MISMATCH, result);
      assertEquals(70014, result.outcome().code());
    }

    @Test
    @DisplayName("70013: a UserSig of another user is refused")
    void otherUser() {
      UserSigCheck result = UserSig.check(valid, APP, KEY, "bob", NOW);

      assertOutcome(Outcome.IDENTIFIER_MISMATCH, result);
      assertEquals(70013, result.outcome().code());
      assertOutcome(Outcome.IDENTIFIER_MISMATCH, UserSig.check(valid, APP, KEY, null, NOW));
    }

    @Test
    @DisplayName("70009: a UserSig signed with another key is refused")
    void otherKey() {
      UserSigCheck result = UserSig.check(valid, APP, "another-key", "alice", NOW);

      assertOutcome(Outcome.BAD_SIGNATURE, result);
      assertEquals(70009, result.outcome().code());
    }

    @Test
    @DisplayName("70009: one changed character inside TLS.sig is refused")
    void tamperedSig() throws Exception {
      String tampered = UserSigBytes.edit(valid, tree -> {
        char[] sig = tree.get("TLS.sig").textValue().toCharArray();
        sig[10] = sig[10] == 'A' ? 'B' : 'A';
        tree.put("TLS.sig", new String(sig));
      });

      assertOutcome(Outcome.BAD_SIGNATURE, check(tampered));
    }

    @Test
    @DisplayName("70009, not 70001: a lengthened TLS.expire reads as tampering even when the real expiry has passed")
    void tamperedExpire() throws Exception {
      String tampered = UserSigBytes.edit(valid, tree -> tree.put("TLS.expire", 100 * DAY));

      assertOutcome(Outcome.BAD_SIGNATURE, check(tampered));
      assertOutcome(Outcome.BAD_SIGNATURE, UserSig.check(tampered, APP, KEY, "alice", NOW + 2 * DAY));
    }

    @Test
    @DisplayName("70009: a changed userbuf is refused")
    void tamperedUserbuf() throws Exception {
      String tampered = UserSigBytes.edit(valid, tree -> tree.put("TLS.userbuf", "AAAA"));

      assertOutcome(Outcome.BAD_SIGNATURE, check(tampered));
    }

    @Test
    @DisplayName("70009: dropping the userbuf is refused")
    void droppedUserbuf() throws Exception {
      String tampered = UserSigBytes.edit(valid, tree -> tree.remove("TLS.userbuf"));

      assertOutcome(Outcome.BAD_SIGNATURE, check(tampered));
    }

    @Test
    @DisplayName("70009: without a configured key nothing verifies")
    void noKey() {
      assertOutcome(Outcome.BAD_SIGNATURE, UserSig.check(valid, APP, "", "alice", NOW));
      assertOutcome(Outcome.BAD_SIGNATURE, UserSig.check(valid, APP, null, "alice", NOW));
    }

    @Test
    @DisplayName("checks run in order: app, then user, then signature, then expiry")
    void order() throws Exception {
      String badInEveryWay = UserSigBytes.edit(
          UserSig.generate(APP, "another-key", "alice", DAY, null, NOW),
          tree -> tree.put("TLS.sig", "x"));
      long late = NOW + 2 * DAY;

      assertOutcome(Outcome.SDKAPPID_MISMATCH, UserSig.check(badInEveryWay, APP + 1, KEY, "bob", late));
      assertOutcome(Outcome.IDENTIFIER_MISMATCH, UserSig.check(badInEveryWay, APP, KEY, "bob", late));
      assertOutcome(Outcome.BAD_SIGNATURE, UserSig.check(badInEveryWay, APP, KEY, "alice", late));
      assertOutcome(Outcome.EXPIRED, UserSig.check(valid, APP, KEY, "alice", late));
    }
  }

  @Nested
  @DisplayName("70003: anything that is not a well-formed version 2.0 UserSig")
  class Undecodable {
    final String valid = UserSig.generate(APP, KEY, "alice", DAY, USERBUF, NOW);

    @Test
    @DisplayName("null and empty")
    void nullAndEmpty() {
      assertOutcome(Outcome.UNDECODABLE, check(null));
      assertOutcome(Outcome.UNDECODABLE, check(""));
      assertEquals(70003, check("").outcome().code());
      assertNull(check("").decodedOrNull());
      assertThrows(UserSigFormatException.class, () -> UserSig.decode(null));
      assertThrows(UserSigFormatException.class, () -> UserSig.decode(""));
    }

    @Test
    @DisplayName("every prefix of a valid UserSig that loses data")
    void truncated() {
      String unpadded = valid.replaceAll("_+$", "");
      for (int length = 1; length < unpadded.length(); length++) {
        assertOutcome(Outcome.UNDECODABLE, check(unpadded.substring(0, length)));
      }
    }

    @Test
    @DisplayName("(not a refusal) missing Base64 padding is tolerated: it changes no byte")
    void missingPadding() {
      String padded = null;
      for (long issued = NOW - 100; padded == null || !padded.endsWith("_"); issued++) {
        padded = UserSig.generate(APP, KEY, "alice", DAY, null, issued); // until one needs padding
      }

      assertOutcome(Outcome.OK, check(padded.replaceAll("_+$", "")));
    }

    @Test
    @DisplayName("bytes left over after the zlib stream")
    void strayBytes() {
      byte[] raw = UserSigBytes.unstar(valid);
      byte[] longer = Arrays.copyOf(raw, raw.length + 3);

      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.star(longer)));
    }

    @Test
    @DisplayName("random garbage, in the UserSig alphabet and outside it")
    void garbage() {
      Random random = new Random(42);
      String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-_";
      for (int i = 0; i < 2_000; i++) {
        int length = random.nextInt(400);
        StringBuilder inAlphabet = new StringBuilder(length);
        StringBuilder anything = new StringBuilder(length);
        for (int j = 0; j < length; j++) {
          inAlphabet.append(alphabet.charAt(random.nextInt(alphabet.length())));
          anything.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        assertOutcome(Outcome.UNDECODABLE, check(inAlphabet.toString()));
        assertOutcome(Outcome.UNDECODABLE, check(anything.toString()));
        assertOutcome(Outcome.UNDECODABLE, check("eJ" + inAlphabet)); // a zlib header, then noise
      }
    }

    @Test
    @DisplayName("a string longer than the limit is refused before decoding")
    void huge() {
      UserSigCheck result = check("A".repeat(UserSig.MAX_ENCODED_CHARS + 1));

      assertOutcome(Outcome.UNDECODABLE, result);
      assertTrue(result.reason().contains("limit"), result.reason());
    }

    @Test
    @DisplayName("a zlib bomb is stopped at 64 KiB of output")
    void zlibBomb() {
      String bomb = UserSigBytes.seal(" ".repeat(10 * 1024 * 1024));

      UserSigCheck result = check(bomb);
      assertTrue(bomb.length() < 20_000);
      assertOutcome(Outcome.UNDECODABLE, result);
      assertTrue(result.reason().contains("65536"), result.reason());
    }

    @Test
    @DisplayName("inflated content that is not JSON, or JSON that is not an object")
    void notJson() {
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal("hello, world")));
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal("[1,2,3]")));
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal("\"TLS.ver\"")));
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal(new byte[0])));
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal(new byte[] {(byte) 0xff, (byte) 0xfe, 0})));
    }

    @Test
    @DisplayName("JSON followed by more JSON")
    void trailingJson() throws Exception {
      String json = UserSigBytes.openJson(valid);

      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal(json + " {}")));
    }

    @Test
    @DisplayName("a field given twice, so that two parsers could read two different UserSigs")
    void duplicateField() throws Exception {
      String json = UserSigBytes.openJson(valid);
      String twice = json.replaceFirst("\\{", "{\"TLS.identifier\":\"mallory\",");

      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.seal(twice)));
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig"})
    @DisplayName("a missing field")
    void missingField(String field) throws Exception {
      UserSigCheck result = check(UserSigBytes.edit(valid, tree -> tree.remove(field)));

      assertOutcome(Outcome.UNDECODABLE, result);
      assertTrue(result.reason().contains(field), result.reason());
    }

    @ParameterizedTest(name = "{0} of the wrong type")
    @ValueSource(strings = {"TLS.ver", "TLS.identifier", "TLS.sdkappid", "TLS.time", "TLS.expire", "TLS.sig",
        "TLS.userbuf"})
    @DisplayName("a field of the wrong JSON type (the official signer writes numbers as JSON numbers)")
    void wrongType(String field) throws Exception {
      boolean numeric = field.equals("TLS.sdkappid") || field.equals("TLS.time") || field.equals("TLS.expire");
      String edited = UserSigBytes.edit(valid, tree -> {
        if (numeric) {
          tree.put(field, tree.get(field).asText());
        } else {
          tree.put(field, 2);
        }
      });

      assertOutcome(Outcome.UNDECODABLE, check(edited));
    }

    @Test
    @DisplayName("negative or fractional numbers, and a userbuf that is not Base64")
    void badValues() throws Exception {
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.edit(valid, tree -> tree.put("TLS.expire", -1))));
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.edit(valid, tree -> tree.put("TLS.time", 1.5))));
      assertOutcome(Outcome.UNDECODABLE,
          check(UserSigBytes.edit(valid, tree -> tree.put("TLS.sdkappid", new java.math.BigInteger("1" + "0".repeat(30))))));
      assertOutcome(Outcome.UNDECODABLE, check(UserSigBytes.edit(valid, tree -> tree.put("TLS.userbuf", "not base64!"))));
    }

    @Test
    @DisplayName("a version other than 2.0")
    void otherVersion() throws Exception {
      UserSigCheck result = check(UserSigBytes.edit(valid, tree -> tree.put("TLS.ver", "1.0")));

      assertOutcome(Outcome.UNDECODABLE, result);
      assertTrue(result.reason().contains("1.0"), result.reason());
    }

    @Test
    @DisplayName("decode reports the same problems as a checked exception")
    void decodeThrows() {
      UserSigFormatException e = assertThrows(UserSigFormatException.class,
          () -> UserSig.decode(UserSigBytes.seal("{\"TLS.ver\":\"2.0\"}".getBytes(StandardCharsets.UTF_8))));
      assertTrue(e.getMessage().contains("TLS.identifier"), e.getMessage());
      assertThrows(UserSigFormatException.class, () -> UserSig.decode("!!!"));
    }
  }
}
